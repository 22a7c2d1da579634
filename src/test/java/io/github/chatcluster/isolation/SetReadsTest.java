package io.github.chatcluster.isolation;

import static io.github.chatcluster.isolation.Txn.Outcome.FAIL;
import static io.github.chatcluster.isolation.Txn.Outcome.INFO;
import static io.github.chatcluster.isolation.Txn.Outcome.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.chatcluster.isolation.Anomaly.Kind;
import io.github.chatcluster.isolation.Mop.Append;
import io.github.chatcluster.isolation.Mop.ReadSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys read as grow-only sets: transactions that append one value to each of two keys (A = 1, B = 2), and reads of both. */
class SetReadsTest {

    private static final long A = 1;
    private static final long B = 2;

    private static Txn write(int id, long v) {
        return Txn.of(id, OK, new Append(A, v), new Append(B, v));
    }

    private static Txn read(int id, Set<Long> a, Set<Long> b) {
        return Txn.of(id, OK, new ReadSet(A, a), new ReadSet(B, b));
    }

    @Test
    void aFracturedReadIsGSingle() {
        var report = ListAppendChecker.check(List.of(write(0, 7), read(1, Set.of(7L), Set.of())));
        assertThat(report.kinds()).containsExactly(Kind.G_SINGLE);
        assertThat(report.level()).isEqualTo(Level.READ_COMMITTED);
        assertThat(report.cyclic()).containsExactlyInAnyOrder(0, 1);
        assertThat(report.examples().get(0).explanation()).contains("-wr").contains("-rw").contains("the read {} did not see 7")
                .contains("no serial order");
    }

    @Test
    void aReadThatSawBothHalvesIsClean() {
        var report = ListAppendChecker.check(List.of(write(0, 7), write(1, 8), read(2, Set.of(7L), Set.of(7L)),
                read(3, Set.of(7L, 8L), Set.of(7L, 8L)), read(4, Set.of(), Set.of())));
        assertThat(report.kinds()).isEmpty();
        assertThat(report.level()).isEqualTo(Level.SERIALIZABLE);
        assertThat(report.cyclic()).isEmpty();
        assertThat(report.edges()).isPositive();
    }

    /**
     * Two writers at once: announcement 2 committed before 1. Reads see {2} before {1, 2}: the numbers are not the
     * order, and the nested sets say so without a false anomaly.
     */
    @Test
    void concurrentWritersSeenInAnyOrderByNestedReadsAreClean() {
        var report = ListAppendChecker.check(List.of(write(0, 1), write(1, 2), read(2, Set.of(2L), Set.of(2L)),
                read(3, Set.of(1L, 2L), Set.of(1L, 2L)), read(4, Set.of(1L, 2L, 3L), Set.of(1L, 2L, 3L)), write(5, 3),
                Txn.of(6, OK, new Append(A, 4), new Append(B, 5)), read(7, Set.of(1L, 2L, 3L, 4L), Set.of(1L, 2L, 3L, 5L))));
        assertThat(report.kinds()).isEmpty();
        // and with the reads the other way round, as another reader may see them
        var other = ListAppendChecker.check(List.of(write(0, 1), write(1, 2), read(2, Set.of(1L), Set.of(1L)),
                read(3, Set.of(1L, 2L), Set.of(1L, 2L))));
        assertThat(other.kinds()).isEmpty();
    }

    @Test
    void setsThatAreNotNestedAreIncompatible() {
        var report = ListAppendChecker.check(List.of(write(0, 1), write(1, 2), read(2, Set.of(1L), Set.of(1L, 2L)),
                read(3, Set.of(2L), Set.of(1L, 2L))));
        assertThat(report.kinds()).containsExactly(Kind.INCOMPATIBLE_ORDER);
        assertThat(report.level()).isEqualTo(Level.NONE);
        assertThat(report.examples().get(0).explanation()).contains("key 1").contains("neither holds the other")
                .contains("only the first saw {1}, only the second {2}");
    }

    /**
     * R sees W1's half in A only and W2's half in B only: each writer must come before R and after it (G-single). A's
     * states put 1 before 2, B's put 2 before 1: the two sets were added to in opposite orders, but inserts into a set
     * overwrite nothing, so that is no cycle of write-write dependencies (no G0): only the order they became visible in.
     */
    @Test
    void crossedHalvesAreGSingleAndNoG0() {
        var report = ListAppendChecker.check(List.of(write(0, 1), write(1, 2), read(2, Set.of(1L), Set.of(2L)),
                read(3, Set.of(1L, 2L), Set.of(1L, 2L))));
        assertThat(report.kinds()).containsExactly(Kind.G_SINGLE);
        assertThat(report.cyclic()).containsExactlyInAnyOrder(0, 1, 2);
    }

    /** The control: A read, then an announcement acknowledged, then B read: B holds what A did not. */
    @Test
    void aReadOfTheSecondRoomAfterANewAcknowledgementIsGSingle() {
        var report = ListAppendChecker.check(List.of(write(0, 1), read(1, Set.of(1L), Set.of(1L)), write(2, 2),
                read(3, Set.of(1L), Set.of(1L, 2L)), read(4, Set.of(1L, 2L), Set.of(1L, 2L))));
        assertThat(report.kinds()).containsExactly(Kind.G_SINGLE);
        assertThat(report.cyclic()).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void failedUnknownAndUnappendedValuesAreFoundInSets() {
        var aborted = ListAppendChecker.check(List.of(Txn.of(0, FAIL, new Append(A, 1)), Txn.of(1, OK, new ReadSet(A, Set.of(1L)))));
        assertThat(aborted.kinds()).containsExactly(Kind.G1A);
        var garbage = ListAppendChecker.check(List.of(Txn.of(0, OK, new ReadSet(A, Set.of(9L)))));
        assertThat(garbage.kinds()).containsExactly(Kind.GARBAGE);
        // an unknown outcome no read saw adds no read-write edge: it may never have happened
        var unknown = ListAppendChecker.check(List.of(Txn.of(0, INFO, new Append(A, 1), new Append(B, 1)),
                read(1, Set.of(), Set.of())));
        assertThat(unknown.kinds()).isEmpty();
        assertThat(unknown.edges()).isZero();
        var intermediate = ListAppendChecker.check(List.of(Txn.of(0, OK, new Append(A, 1), new Append(A, 2)),
                Txn.of(1, OK, new ReadSet(A, Set.of(1L)))));
        assertThat(intermediate.kinds()).contains(Kind.G1B);
        var internal = ListAppendChecker.check(List.of(Txn.of(0, OK, new Append(A, 1), new ReadSet(A, Set.of()))));
        assertThat(internal.kinds()).containsExactly(Kind.INTERNAL);
        var ownSeen = ListAppendChecker.check(List.of(Txn.of(0, OK, new ReadSet(A, Set.of()), new Append(A, 1),
                new ReadSet(A, Set.of(1L)))));
        assertThat(ownSeen.kinds()).isEmpty();
    }

    @Test
    void aKeyReadBothAsAListAndAsASetIsRefused() {
        assertThatThrownBy(() -> ListAppendChecker.check(List.of(Txn.of(0, OK, new ReadSet(A, Set.of())),
                Txn.of(1, OK, new Mop.Read(A, List.of()))))).hasMessageContaining("both as a list and as a set");
    }

    @Test
    void aSetReadHasNoJepsenListAppendForm(@TempDir Path dir) {
        assertThatThrownBy(() -> JepsenHistory.write(dir.resolve("h.jsonl"), List.of(read(0, Set.of(), Set.of()))))
                .hasMessageContaining("as a set");
    }

    @Test
    void largeSetsAreShownInRuns() {
        assertThat(new ReadSet(A, Set.of(1L, 2L, 3L, 5L, 7L, 8L)).toString()).isEqualTo("r-set 1 {1..3, 5, 7..8}");
    }

    /** Many readers of sets over a long serial run: clean, and the edges grow with the reads, not with their sizes. */
    @Test
    void aLongSerialRunOfSetReadsIsCleanWithEdgesLinearInTheReads() {
        List<Txn> history = new ArrayList<>();
        Set<Long> seen = new java.util.TreeSet<>();
        for (long v = 1; v <= 1_000; v++) {
            history.add(write(history.size(), v));
            seen.add(v);
            for (int r = 0; r < 3; r++) {
                history.add(read(history.size(), seen, seen));
            }
        }
        var report = ListAppendChecker.check(history);
        assertThat(report.kinds()).isEmpty();
        assertThat(report.edges()).isLessThan(4 * history.size());
    }
}
