package io.github.chatcluster.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartitionTest {

    private static Partition.Item<String> item(String name, double seconds) {
        return new Partition.Item<>(name, name, seconds, false);
    }

    @Test
    void thePartsAreBalancedByExpectedTime() {
        List<Partition.Item<String>> items = List.of(item("a", 300), item("b", 200), item("c", 100), item("d", 100), item("e", 100),
                item("f", 50), item("g", 50));
        Partition.Result<String> r = Partition.split(items, 3);
        assertThat(r.expectedSeconds()).containsExactly(300, 300, 300);
        assertThat(r.of(1)).containsExactly("a");
        assertThat(r.partOf()).hasSize(7);
    }

    @Test
    void theSameScenariosGiveTheSamePartsWhateverTheirOrder() {
        List<Partition.Item<String>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(item("s" + i, 10 + (i * 37) % 90));
        }
        Partition.Result<String> first = Partition.split(items, 3);
        Collections.shuffle(items, new java.util.Random(7));
        assertThat(Partition.split(items, 3).partOf()).isEqualTo(first.partOf());
    }

    @Test
    void theBenchmarksStayTogether() {
        List<Partition.Item<String>> items = List.of(item("a", 100), item("b", 100), item("c", 100),
                new Partition.Item<>("x", "x", 40, true), new Partition.Item<>("y", "y", 40, true));
        Partition.Result<String> r = Partition.split(items, 3);
        assertThat(r.partOf().get("x")).isEqualTo(r.partOf().get("y"));
    }

    @Test
    void everyScenarioIsInExactlyOnePart() {
        List<Partition.Item<String>> items = List.of(item("a", 1), item("b", 1));
        Partition.Result<String> r = Partition.split(items, 3);
        assertThat(r.of(1).size() + r.of(2).size() + r.of(3).size()).isEqualTo(2);
        assertThat(r.of(3)).isEmpty();
    }

    @Test
    void aShardIsIOfN() {
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse("2/3").directoryName()).isEqualTo("shard-2-of-3");
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("suite.shard=4/3");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("is not i/n");
    }
}
