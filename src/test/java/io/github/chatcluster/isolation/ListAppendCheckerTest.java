package io.github.chatcluster.isolation;

import static io.github.chatcluster.isolation.Txn.Outcome.FAIL;
import static io.github.chatcluster.isolation.Txn.Outcome.INFO;
import static io.github.chatcluster.isolation.Txn.Outcome.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.chatcluster.isolation.Anomaly.Kind;
import io.github.chatcluster.isolation.Mop.Append;
import io.github.chatcluster.isolation.Mop.Read;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListAppendCheckerTest {

    private static Append append(long k, long v) {
        return new Append(k, v);
    }

    private static Read read(long k, Long... values) {
        return new Read(k, List.of(values));
    }

    @Test
    void aSerialHistoryIsClean() {
        var report = ListAppendChecker.check(List.of(
                Txn.of(0, OK, append(1, 1), append(2, 1)),
                Txn.of(1, OK, read(1, 1L), append(1, 2)),
                Txn.of(2, OK, read(1, 1L, 2L), read(2, 1L))));
        assertThat(report.kinds()).isEmpty();
        assertThat(report.level()).isEqualTo(Level.SERIALIZABLE);
        assertThat(report.edges()).isPositive();
        assertThat(report.toString()).contains("no anomaly");
    }

    @Test
    void writeCyclesAreG0() {
        var report = ListAppendChecker.check(List.of(
                Txn.of(0, OK, append(1, 1), append(2, 4)),
                Txn.of(1, OK, append(1, 2), append(2, 3)),
                Txn.of(2, OK, read(1, 1L, 2L), read(2, 3L, 4L))));
        assertThat(report.kinds()).contains(Kind.G0);
        assertThat(report.level()).isEqualTo(Level.NONE);
        assertThat(report.examples()).anySatisfy(a -> assertThat(a.explanation()).contains("-ww").contains("no serial order"));
    }

    @Test
    void aReadOfAFailedAppendIsG1a() {
        var report = ListAppendChecker.check(List.of(Txn.of(0, FAIL, append(1, 1)), Txn.of(1, OK, read(1, 1L))));
        assertThat(report.kinds()).containsExactly(Kind.G1A);
        assertThat(report.level()).isEqualTo(Level.NONE);
    }

    @Test
    void aReadOfAnIntermediateStateIsG1b() {
        var report = ListAppendChecker.check(List.of(Txn.of(0, OK, append(1, 1), append(1, 2)), Txn.of(1, OK, read(1, 1L))));
        assertThat(report.kinds()).contains(Kind.G1B);
    }

    @Test
    void circularInformationFlowIsG1c() {
        var report = ListAppendChecker.check(List.of(
                Txn.of(0, OK, append(1, 1), read(2, 2L)),
                Txn.of(1, OK, append(2, 2), read(1, 1L))));
        assertThat(report.kinds()).contains(Kind.G1C).doesNotContain(Kind.G0);
        assertThat(report.level()).isEqualTo(Level.NONE);
    }

    /** Read skew: one transaction appends to two keys; a reader sees its append to one key and not to the other. */
    @Test
    void readSkewIsGSingleAndLeavesReadCommitted() {
        var report = ListAppendChecker.check(List.of(
                Txn.of(0, OK, append(1, 1), append(2, 2)),
                Txn.of(1, OK, read(1), read(2, 2L)),
                Txn.of(2, OK, read(1, 1L), read(2, 2L))));
        assertThat(report.kinds()).containsExactly(Kind.G_SINGLE);
        assertThat(report.level()).isEqualTo(Level.READ_COMMITTED);
        assertThat(report.examples().get(0).explanation()).contains("-rw").contains("-wr").contains("did not see 1");
    }

    /** Write skew: each transaction reads the key the other appends to, and misses it. */
    @Test
    void writeSkewIsG2ItemAndLeavesSnapshotIsolation() {
        var report = ListAppendChecker.check(List.of(
                Txn.of(0, OK, read(1), append(2, 1)),
                Txn.of(1, OK, read(2), append(1, 2)),
                Txn.of(2, OK, read(1, 2L), read(2, 1L))));
        assertThat(report.kinds()).containsExactly(Kind.G2_ITEM);
        assertThat(report.level()).isEqualTo(Level.SNAPSHOT_ISOLATION);
    }

    @Test
    void aTransactionThatDoesNotSeeItsOwnAppendIsInternallyInconsistent() {
        var report = ListAppendChecker.check(List.of(Txn.of(0, OK, append(1, 5), read(1))));
        assertThat(report.kinds()).contains(Kind.INTERNAL);
        var fine = ListAppendChecker.check(List.of(Txn.of(0, OK, read(1), append(1, 5), read(1, 5L))));
        assertThat(fine.kinds()).isEmpty();
        // read committed: another transaction's commit between two reads of the key is no internal inconsistency
        var readCommitted = ListAppendChecker.check(List.of(Txn.of(0, OK, append(1, 1), append(1, 2)),
                Txn.of(1, OK, read(1, 1L, 2L), append(1, 5), read(1, 1L, 2L, 3L, 5L)), Txn.of(2, OK, append(1, 3)),
                Txn.of(3, OK, read(1, 1L, 2L, 3L, 5L))));
        assertThat(readCommitted.kinds()).doesNotContain(Kind.INTERNAL);
        var forgot = ListAppendChecker.check(List.of(Txn.of(0, OK, read(1), append(1, 5), read(1))));
        assertThat(forgot.kinds()).contains(Kind.INTERNAL);
    }

    @Test
    void readsThatDisagreeOnTheOrderAreIncompatible() {
        var report = ListAppendChecker.check(List.of(
                Txn.of(0, OK, append(1, 1)), Txn.of(1, OK, append(1, 2)),
                Txn.of(2, OK, read(1, 1L, 2L)), Txn.of(3, OK, read(1, 2L, 1L))));
        assertThat(report.kinds()).containsExactly(Kind.INCOMPATIBLE_ORDER);
    }

    @Test
    void duplicatesAndGarbageAreFound() {
        var report = ListAppendChecker.check(List.of(Txn.of(0, OK, append(1, 1)), Txn.of(1, OK, read(1, 1L, 1L)),
                Txn.of(2, OK, read(2, 99L))));
        assertThat(report.kinds()).contains(Kind.DUPLICATE, Kind.GARBAGE);
    }

    @Test
    void anAcknowledgedAppendMissingFromTheFinalReadIsLost() {
        List<Txn> history = List.of(Txn.of(0, OK, append(1, 1)), Txn.of(1, OK, append(1, 2)), Txn.of(2, OK, read(1, 2L)));
        var report = ListAppendChecker.check(history, Set.of(2));
        assertThat(report.kinds()).contains(Kind.LOST_APPEND);
        assertThat(report.examples()).anySatisfy(a -> assertThat(a.explanation()).contains("append of 1 to key 1"));
    }

    @Test
    void anUnknownOutcomeCountsAsCommittedWhenARreadSawItAndAFailureNever() {
        assertThat(ListAppendChecker.check(List.of(Txn.of(0, INFO, append(1, 1)), Txn.of(1, OK, read(1, 1L)))).kinds()).isEmpty();
        assertThat(ListAppendChecker.check(List.of(Txn.of(0, FAIL, append(1, 1)), Txn.of(1, OK, read(1)))).kinds()).isEmpty();
    }

    @Test
    void aValueAppendedTwiceIsRefused() {
        assertThatThrownBy(() -> ListAppendChecker.check(List.of(Txn.of(0, OK, append(1, 1)), Txn.of(1, OK, append(1, 1)))))
                .hasMessageContaining("unique to their key");
    }

    /** A large serial history (each transaction sees everything before it) is clean; CheckerBenchmark times a larger one. */
    @Test
    void aLargeSerialHistoryIsClean() {
        List<Txn> history = serialHistory(new Random(7), 5_000, 50);
        var report = ListAppendChecker.check(history);
        assertThat(report.kinds()).isEmpty();
        assertThat(report.ok()).isEqualTo(5_000);
    }

    /** Transactions of 1 to 4 micro-operations on random keys, run one after another against an in-memory store. */
    static List<Txn> serialHistory(Random random, int transactions, int keys) {
        Map<Long, List<Long>> store = new HashMap<>();
        Map<Long, Long> nextValue = new HashMap<>();
        List<Txn> history = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            List<Mop> mops = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int j = 0; j < n; j++) {
                long key = random.nextInt(keys);
                if (random.nextBoolean()) {
                    long value = nextValue.merge(key, 1L, Long::sum);
                    store.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                    mops.add(new Append(key, value));
                } else {
                    mops.add(new Read(key, List.copyOf(store.getOrDefault(key, List.of()))));
                }
            }
            history.add(new Txn(i, "p" + (i % 10), OK, mops, i, i));
        }
        return history;
    }
}
