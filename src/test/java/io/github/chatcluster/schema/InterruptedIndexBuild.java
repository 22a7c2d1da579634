package io.github.chatcluster.schema;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.cluster.ChatCluster;

/**
 * A schema change through coordinator-1 that loses a worker of a room's shard while it builds there. The room's shard
 * has a transaction open on it (the caller's), so the build waits there, on both of the shard's workers, while it goes
 * on elsewhere; once the second worker is seen building, the first is killed, and the change's answer is awaited.
 */
public final class InterruptedIndexBuild {

    /** What happened: the worker killed, the one the build was seen waiting on, and the change's outcome. */
    public record Outcome(String killed, String seenBuilding, SchemaChange change) {
    }

    private InterruptedIndexBuild() {
    }

    /** Bound for the build to be seen on the second worker, and for the change's answer after the kill. */
    static final Duration SEEN_WITHIN = Duration.ofSeconds(30);
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    public static Outcome run(ChatCluster cluster, String statement, long room) {
        CitusCatalog catalog = CitusCatalog.through(cluster.coordinator1());
        long shard = catalog.shardIdFor("messages", room);
        List<String> copies = catalog.nodesByShard("messages").get(shard);
        String victim = copies.get(0);
        String building = copies.get(1);
        SchemaView view = new SchemaView(cluster);
        try (SchemaOperator.Running running = SchemaOperator.through(cluster.coordinator1()).start(statement)) {
            await("the index build on messages_" + shard + " on " + building).atMost(SEEN_WITHIN)
                    .pollInterval(Duration.ofMillis(50)).pollInSameThread()
                    .until(() -> view.indexBuildsInProgress(building, "messages_" + shard) > 0 || running.isDone());
            if (running.isDone()) {
                throw new AssertionError("the change ended before its build on " + building + " began: "
                        + running.await(Duration.ofSeconds(1)).summary());
            }
            cluster.faults().kill(victim);
            return new Outcome(victim, building + " (messages_" + shard + ")", running.await(ANSWER_WITHIN));
        }
    }
}
