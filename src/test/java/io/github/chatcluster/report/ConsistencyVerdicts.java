package io.github.chatcluster.report;

import java.util.Set;

import io.github.chatcluster.isolation.Anomaly;

/**
 * The rules of the two claims the consistency workloads judge: what a run's counts and the isolation checker's findings say of "Eventual consistency
 * across coordinators" and of "Cross-Coordinator Synchronization". A workload that read nothing decides nothing.
 */
public final class ConsistencyVerdicts {

    private ConsistencyVerdicts() {
    }

    /**
     * Eventual consistency, for transactions over two rooms: held when every acknowledged transaction that was read
     * back through the other coordinator right after its acknowledgement was seen whole; not held when one was seen
     * with a half missing.
     *
     * @param followed acknowledged transactions read back after their acknowledgement
     * @param missed   of those, the ones the read-back saw with a half missing
     */
    public static Verdict eventual(int followed, int missed) {
        if (followed <= 0) {
            return Verdict.NOT_DECIDED;
        }
        return Verdict.of(missed == 0);
    }

    /**
     * Synchronization across coordinators, from what the isolation checker found in the writes and the reads of both
     * rooms (in one statement or one snapshot): not held when it found read skew (G-single: a read that saw one room's
     * half of a transaction without the other's is one); held when it found no anomaly and no cycle at all; not decided
     * when it found others but no G-single (incompatible reads of one room, say, which leave the key without an order to
     * judge by), or a cycle it did not classify (its search is bounded).
     *
     * @param reads  reads of both rooms by the readers judged (the control reader not among them)
     * @param found  the classes of anomaly the checker found in the writes and those reads
     * @param cyclic whether any transaction lay on a cycle of dependencies
     */
    public static Verdict synchronization(int reads, Set<Anomaly.Kind> found, boolean cyclic) {
        if (reads <= 0) {
            return Verdict.NOT_DECIDED;
        }
        if (found.contains(Anomaly.Kind.G_SINGLE)) {
            return Verdict.NOT_HELD;
        }
        return found.isEmpty() && !cyclic ? Verdict.HELD : Verdict.NOT_DECIDED;
    }
}
