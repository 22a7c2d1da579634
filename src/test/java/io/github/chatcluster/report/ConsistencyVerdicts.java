package io.github.chatcluster.report;

/**
 * The rules of the two claims the consistency workloads judge: what a run's counts say of "Eventual consistency
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
     * Synchronization across coordinators: held when no read of both rooms (in one statement or one snapshot) saw one
     * room's half of a transaction without the other's; not held when one did.
     *
     * @param reads     reads of both rooms by the readers (the control reader not counted)
     * @param fractured of those, the ones that saw half a transaction
     */
    public static Verdict synchronization(int reads, int fractured) {
        if (reads <= 0) {
            return Verdict.NOT_DECIDED;
        }
        return Verdict.of(fractured == 0);
    }
}
