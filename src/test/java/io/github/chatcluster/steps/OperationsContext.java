package io.github.chatcluster.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.chatcluster.app.SteadyLoad;
import io.github.chatcluster.operations.BackgroundJob;
import io.github.chatcluster.operations.OperationRun;
import io.github.chatcluster.operations.ShardLayout;

/** What one scenario of the operations feature shares between its steps; a new one for every scenario (picocontainer). */
public class OperationsContext {

    /** The clients that write and read while the operations run, from the Given step until "the clients stop". */
    SteadyLoad load;
    List<SteadyLoad.ClientFigures> clientFigures = List.of();
    /** Every operation run, in order; the last one is the one the Then steps judge. */
    final List<OperationRun> runs = new ArrayList<>();
    /** The background job of the last rebalance, the coordinator that holds it, and the layout before it started. */
    long jobId = -1;
    String jobCoordinator;
    BackgroundJob lastJob;
    java.time.Instant jobSeenEnded;
    /** How the wait for the last job ended (a harness wait). */
    String jobWait;
    ShardLayout layoutBefore;
    /** The last move planned: the first room's shard group, from where, to where, the worker that kept its copy. */
    io.github.chatcluster.operations.ShardMove move;
    /** What the last failed move left behind, and how its clean-up went (calls, seconds). */
    List<io.github.chatcluster.operations.Leftover> leftBehind = List.of();
    /** Coordinator-1's cleanup records right after a move whose target was killed failed (the target still down). */
    List<io.github.chatcluster.operations.Leftover> recordsAtFailure = List.of();
    String cleanup = "(no clean-up)";
    /**
     * The node a move's kill stopped, when it was started again, when it accepted queries again (after its crash
     * recovery), and the transactions it held prepared since before its start.
     */
    String killed;
    java.time.Instant killedStartedAt;
    java.time.Instant killedAcceptsQueries;
    List<String> preparedByTheKill = List.of();
    /** After a rebalance onto worker-5: its shard copies, and the copies in all. */
    int spareCopies;
    int copiesAfterRebalance;
    /** The room that holds bulk messages (deleted when the scenario ends), or -1. */
    long bulkRoom = -1;

    /** The prefix of the scenario's figures in figures.properties. */
    static String figureKey(ScenarioContext context) {
        return "operations." + io.github.chatcluster.report.Figures.key(context.scenarioName()).toLowerCase(java.util.Locale.ROOT);
    }

    OperationRun lastRun() {
        if (runs.isEmpty()) {
            throw new IllegalStateException("no operation was run in this scenario");
        }
        return runs.get(runs.size() - 1);
    }

    /** The background job of the last rebalance, as its coordinator shows it now. */
    BackgroundJob currentJob(io.github.chatcluster.cluster.ChatCluster cluster) {
        return io.github.chatcluster.operations.BackgroundJobs.on(cluster.endpoint(jobCoordinator)).job(jobId)
                .orElseThrow(() -> new AssertionError("no job " + jobId + " on " + jobCoordinator));
    }

    Optional<SteadyLoad> load() {
        return Optional.ofNullable(load);
    }
}
