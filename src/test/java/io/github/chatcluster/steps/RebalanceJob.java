package io.github.chatcluster.steps;

import java.time.Instant;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.operations.BackgroundJob;
import io.github.chatcluster.operations.BackgroundJobs;
import io.github.chatcluster.operations.ShardLayout;

/** The background job of one scenario's last rebalance, written by the When step that starts it and waits for it. */
public class RebalanceJob {

    long id = -1;
    /** The coordinator that holds the job (the table of jobs is not synced between nodes). */
    String coordinator;
    /** The job as it was seen last by the wait, when it ended, and how the wait ended (a harness wait). */
    BackgroundJob last;
    Instant seenEnded;
    String waitEnded;
    /** The shard layout before the rebalance started. */
    ShardLayout layoutBefore;
    /**
     * The layout right after the last waited-for rebalance that spread the shards (not a drain): what a worker that
     * joined took, still known after a later drain moved its copies away.
     */
    ShardLayout layoutAfterSpreading;

    /** The job as its coordinator shows it now. */
    BackgroundJob current(ChatCluster cluster) {
        return BackgroundJobs.on(cluster.endpoint(coordinator)).job(id)
                .orElseThrow(() -> new AssertionError("no job " + id + " on " + coordinator));
    }
}
