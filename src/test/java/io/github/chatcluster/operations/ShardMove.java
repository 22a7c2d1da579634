package io.github.chatcluster.operations;

import java.util.ArrayList;
import java.util.List;

import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.cluster.ChatCluster;

/**
 * One move of a shard group, as an operator plans it: the first room's messages shard (its rooms and room_members
 * shards move with it), from the first of the two workers that store it to another worker, through a coordinator,
 * with a transfer mode. The worker that keeps its copy, and the two that stored the group before, stay on record for
 * the checks afterwards.
 */
public record ShardMove(long shard, String from, String to, String stayed, List<String> workersBefore, String mode,
                        String through) {

    /**
     * The move of the room's shard group off the first of its workers, to {@code to}, or to the first worker that
     * stores none of it when {@code to} is null (read from coordinator-1's catalog).
     */
    public static ShardMove ofRoom(ChatCluster cluster, long room, String through, String mode, String to) {
        long shard = CitusCatalog.through(cluster.coordinator1()).shardIdFor("messages", room);
        List<String> nodes = new ArrayList<>(ShardLayout.of(CitusCatalog.through(cluster.coordinator1()).allPlacements()).nodesOf(shard));
        if (nodes.size() != ChatCluster.SHARD_COPIES) {
            throw new IllegalStateException("shard " + shard + " has " + nodes.size() + " copies, not " + ChatCluster.SHARD_COPIES + ": " + nodes);
        }
        String target = to != null ? to : ChatCluster.WORKERS.stream().filter(w -> !nodes.contains(w)).findFirst().orElseThrow();
        return new ShardMove(shard, nodes.get(0), target, nodes.get(1), List.copyOf(nodes), mode, through);
    }

    /** The same group moved back where it came from, with the given transfer mode. */
    public ShardMove back(String backMode) {
        return new ShardMove(shard, to, from, stayed, workersBefore, backMode, through);
    }

    /** Runs the move ({@code citus_move_shard_placement}) and returns how it ended. */
    public OperationRun run(ChatCluster cluster) {
        return OperationRun.of(toString(), through, () -> ClusterOperations.through(cluster.endpoint(through))
                .moveShard(shard, from, to, TransferMode.named(mode)));
    }

    /**
     * Runs the move back to where the group came from, as an operator would: when Citus refuses it because the group's
     * old copy there, left to its deferred drop by the move before, "could not be cleaned up" (the maintenance daemon
     * was dropping it at that moment: seen once, on a loaded machine), it is tried again, every second, for at most
     * {@code bound}. Every try goes to {@code tried}; returns the last.
     */
    public OperationRun runPastTheDeferredDrop(ChatCluster cluster, java.time.Duration bound, java.util.function.Consumer<OperationRun> tried) {
        OperationRun[] last = {run(cluster)};
        tried.accept(last[0]);
        if (!leftoverInTheWay(last[0])) {
            return last[0];
        }
        try {
            org.awaitility.Awaitility.await("the move once the old copy's deferred drop is done").atMost(bound)
                    .pollDelay(java.time.Duration.ofSeconds(1)).pollInterval(java.time.Duration.ofSeconds(1)).pollInSameThread()
                    .until(() -> {
                        last[0] = run(cluster);
                        tried.accept(last[0]);
                        return !leftoverInTheWay(last[0]);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the last try is returned, and says why
        }
        return last[0];
    }

    private static boolean leftoverInTheWay(OperationRun run) {
        return !run.succeeded() && run.error().contains("could not be cleaned up");
    }

    @Override
    public String toString() {
        return "moving shard " + shard + " (and its co-located shards) from " + from + " to " + to + " with " + mode;
    }
}
