package io.github.chatcluster.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.chatcluster.isolation.Anomaly;
import io.github.chatcluster.isolation.Level;
import io.github.chatcluster.isolation.Mop;
import io.github.chatcluster.isolation.Txn;
import org.junit.jupiter.api.Test;

class AnnouncementTxnsTest {

    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
    private static final long A = 11;
    private static final long B = 22;

    private final List<History.Operation> history = new ArrayList<>();
    private int clock;

    private void write(long n, String outcome) {
        history.add(new History.Operation("writer through coordinator-1", "coordinator-1", "write", n, T.plusMillis(clock),
                T.plusMillis(clock + 1), outcome, Set.of(), Set.of()));
        clock += 2;
    }

    private void read(String client, String outcome, Set<Long> a, Set<Long> b) {
        history.add(new History.Operation(client, "coordinator-2", "read one statement", -1, T.plusMillis(clock),
                T.plusMillis(clock + 1), outcome, a, b));
        clock += 2;
    }

    @Test
    void writesAppendToBothRoomsAndReadsReadBothAsSets() {
        write(1, "ok");
        write(2, "error: 08006 An I/O error occurred while sending to the backend.");
        write(3, "error: 40001 could not serialize access");
        read("r", "ok", Set.of(1L), Set.of(1L));
        read("r", "error: 57014 canceling statement due to statement timeout", Set.of(), Set.of());
        read("other", "ok", Set.of(), Set.of());
        history.add(new History.Operation("writer through coordinator-1", "coordinator-2", "follow", 1, T.plusMillis(clock),
                T.plusMillis(clock + 1), "ok", Set.of(1L), Set.of(1L)));
        List<Txn> txns = AnnouncementTxns.of(history, A, B, "r"::equals);
        assertThat(txns).extracting(Txn::outcome).containsExactly(Txn.Outcome.OK, Txn.Outcome.INFO, Txn.Outcome.FAIL, Txn.Outcome.OK);
        assertThat(txns).extracting(Txn::id).containsExactly(0, 1, 2, 3);
        assertThat(txns.get(0).mops()).containsExactly(new Mop.Append(A, 1), new Mop.Append(B, 1));
        assertThat(txns.get(3).mops()).containsExactly(new Mop.ReadSet(A, Set.of(1L)), new Mop.ReadSet(B, Set.of(1L)));
        assertThat(txns.get(3).process()).isEqualTo("r");
        assertThat(txns.get(0).invokedNanos()).isZero();
        assertThat(txns.get(3).invokedNanos()).isEqualTo(6_000_000L);
        assertThat(txns.get(3).completedNanos()).isEqualTo(7_000_000L);
    }

    @Test
    void aFracturedReadIsReadSkewForItsReaderOnly() {
        write(1, "ok");
        write(2, "ok");
        read("clean", "ok", Set.of(1L), Set.of(1L));
        read("fractured", "ok", Set.of(1L, 2L), Set.of(1L));
        read("fractured", "ok", Set.of(1L, 2L), Set.of(1L, 2L));
        read("fractured", "error: 08006 gone", Set.of(), Set.of());
        read("clean", "ok", Set.of(1L, 2L), Set.of(1L, 2L));
        List<ReadSkew.Finding> findings = ReadSkew.byReader(history, A, B);
        assertThat(findings).extracting(ReadSkew.Finding::readers).containsExactly("clean", "fractured");
        ReadSkew.Finding clean = findings.get(0);
        assertThat(clean.readSkew()).isFalse();
        assertThat(clean.report().level()).isEqualTo(Level.SERIALIZABLE);
        assertThat(clean.classes()).isEqualTo("no anomaly");
        ReadSkew.Finding fractured = findings.get(1);
        assertThat(fractured.readSkew()).isTrue();
        assertThat(fractured.reads()).isEqualTo(3);
        assertThat(fractured.failed()).isEqualTo(1);
        assertThat(fractured.onCycles()).isEqualTo(1);
        assertThat(fractured.report().level()).isEqualTo(Level.READ_COMMITTED);
        assertThat(fractured.example()).get().extracting(Anomaly::explanation).asString()
                .contains("key " + B + ": the read {1} did not see 2");
        assertThat(fractured.toString()).contains("3 reads (1 failed), 1 of them on a cycle; found: G-single 1");
        ReadSkew.Finding both = ReadSkew.of(history, A, B, "both", c -> true);
        assertThat(both.readSkew()).isTrue();
        assertThat(both.reads()).isEqualTo(5);
    }

    @Test
    void withNoReadsTheCheckerFindsNothing() {
        write(1, "ok");
        ReadSkew.Finding none = ReadSkew.of(history, A, B, "none", c -> true);
        assertThat(none.reads()).isZero();
        assertThat(none.report().kinds()).isEmpty();
        assertThat(none.example()).isEmpty();
    }
}
