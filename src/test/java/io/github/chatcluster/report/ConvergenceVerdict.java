package io.github.chatcluster.report;

/**
 * "Data Consistency: Eventual consistency across coordinators", judged from a list-append history once its faults
 * were healed: held when the final reads through both coordinators found every acknowledged append and agreed on
 * every key, and both copies of every shard of the workload's table held the same lists; not held when any of those
 * failed. A history with no final reads, or no shard compared, decides nothing.
 */
public final class ConvergenceVerdict {

    private ConvergenceVerdict() {
    }

    /**
     * @param keysRead        keys read by the final reads
     * @param keysDisagreeing of those, keys read differently through the two coordinators (or not read through one)
     * @param failedReads     final reads that failed (they show nothing either way)
     * @param lostAppends     acknowledged appends missing from the final reads
     * @param shardsCompared  shards of the workload's table whose two copies were compared
     * @param shardsDiffering of those, shards whose copies differ
     */
    public static Verdict of(int keysRead, int keysDisagreeing, int failedReads, int lostAppends, int shardsCompared, int shardsDiffering) {
        if (keysDisagreeing == 0 && lostAppends == 0 && shardsDiffering == 0 && failedReads > 0) {
            return Verdict.NOT_DECIDED;
        }
        if (keysRead <= 0 || shardsCompared <= 0) {
            return Verdict.NOT_DECIDED;
        }
        return Verdict.of(keysDisagreeing == 0 && lostAppends == 0 && shardsDiffering == 0);
    }
}
