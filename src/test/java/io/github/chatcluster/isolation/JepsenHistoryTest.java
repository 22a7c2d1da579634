package io.github.chatcluster.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chatcluster.isolation.Txn.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JepsenHistoryTest {

    @Test
    void aHistoryWrittenAndReadBackIsTheSameHistory(@TempDir Path dir) throws Exception {
        List<Txn> txns = List.of(
                new Txn(0, "c1-writer", Outcome.OK, List.of(new Mop.Append(1, 1), new Mop.Read(2, List.of())), 10, 20),
                new Txn(1, "c2-reader", Outcome.OK, List.of(new Mop.Read(1, List.of(1L))), 15, 30),
                new Txn(2, "c1-writer", Outcome.INFO, List.of(new Mop.Append(2, 7)), 25, 40),
                new Txn(3, "lb \"x\"", Outcome.FAIL, List.of(new Mop.Append(1, 9)), 26, 41, "40P01: ERROR: deadlock detected"));
        Path file = dir.resolve("h.jsonl");
        JepsenHistory.write(file, txns);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("{\"index\":0,\"type\":\"invoke\",\"process\":\"c1-writer\",\"f\":\"txn\","
                + "\"value\":[[\"append\",1,1],[\"r\",2,null]],\"time\":10}");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"ok\"").contains("[\"r\",2,[]]"));
        List<Txn> back = JepsenHistory.read(file);
        assertThat(back).extracting(Txn::process).containsExactly("c1-writer", "c2-reader", "c1-writer", "lb \"x\"");
        assertThat(back.get(0).mops()).isEqualTo(txns.get(0).mops());
        assertThat(back.get(2).outcome()).isEqualTo(Outcome.INFO);
        assertThat(back.get(2).mops()).containsExactly(new Mop.Append(2, 7));
        assertThat(back.get(3).error()).isEqualTo("40P01: ERROR: deadlock detected");
        assertThat(back.get(3).toString()).contains("fail with 40P01: ERROR: deadlock detected");
        assertThat(back.get(0).error()).isNull();
        assertThat(ListAppendChecker.check(back).kinds()).isEmpty();
    }
}
