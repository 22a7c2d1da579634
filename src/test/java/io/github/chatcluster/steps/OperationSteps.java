package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SpareWorker;
import io.github.chatcluster.operations.BackgroundJobs;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.operations.OperationRun;
import io.github.chatcluster.operations.ShardLayout;
import io.github.chatcluster.operations.ShardMove;
import io.github.chatcluster.operations.TransferMode;

/** What the operator does to the cluster: each step one operation, kept with how it ended for the Then steps. */
public class OperationSteps {

    /** The longest a When step waits for a background rebalance to end (the Then step states its own bound). */
    /** A rebalance's end is a harness wait: as long as its tasks progress, at most this long without progress ... */
    static final Duration JOB_STALL = Duration.ofSeconds(90);
    /** ... and this long in all (36 copies took 6–13 s on the machine the bounds were set on, 112 s on one 3 times slower). */
    static final Duration JOB_CEILING = Duration.ofMinutes(10);

    private final ScenarioContext context;
    private final OperationRuns operationRuns;
    private final RebalanceJob rebalance;
    private final MoveState moves;

    public OperationSteps(ScenarioContext context, OperationRuns operationRuns, RebalanceJob rebalance, MoveState moves) {
        this.context = context;
        this.operationRuns = operationRuns;
        this.rebalance = rebalance;
        this.moves = moves;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    private OperationRun run(String what, Endpoint through, Runnable operation) {
        OperationRun run = OperationRun.of(what, through.name(), operation);
        operationRuns.add(run);
        context.report(run.toString());
        return run;
    }

    @When("worker-5 is started and added to the cluster through coordinator-1")
    public void worker5IsStartedAndAdded() {
        SpareWorker spare = cluster().spareWorker().orElseThrow(() -> new IllegalStateException("this cluster has no spare worker"));
        long start = System.nanoTime();
        spare.provide();
        context.report(String.format(java.util.Locale.ROOT, "%s started in %.1f s", SpareWorker.NAME, (System.nanoTime() - start) / 1e9));
        OperationRun added = run("adding " + SpareWorker.NAME, cluster().coordinator1(),
                () -> ClusterOperations.through(cluster().coordinator1()).addNode(SpareWorker.NAME));
        assertThat(added.succeeded()).as("%s", added).isTrue();
    }

    @When("the operator rebalances the shards through coordinator-1 with citus_rebalance_start, the strategy {word} and the transfer mode {word}")
    public void theOperatorRebalances(String strategy, String mode) {
        backgroundRebalance(cluster().coordinator1(), TransferMode.named(mode), false, true, strategy);
    }

    @When("the operator drains {node} through coordinator-1 with the background rebalancer and the transfer mode {word}")
    public void theOperatorDrainsWithTheRebalancer(Node node, String mode) {
        drainWithTheRebalancer(node.name(), mode);
    }

    @When("the operator drains worker-5 through coordinator-1 with the background rebalancer and the transfer mode {word}")
    public void theOperatorDrainsWorker5(String mode) {
        drainWithTheRebalancer(SpareWorker.NAME, mode);
    }

    private void drainWithTheRebalancer(String node, String mode) {
        ClusterOperations.through(cluster().coordinator1()).letTakeShards(node, false);
        backgroundRebalance(cluster().coordinator1(), TransferMode.named(mode), true, true, null);
    }

    @When("the operator lets {node} take shards again and rebalances through coordinator-1 with citus_rebalance_start, the strategy {word} and the transfer mode {word}")
    public void theOperatorLetsTakeShardsAndRebalances(Node node, String strategy, String mode) {
        ClusterOperations.through(cluster().coordinator1()).letTakeShards(node.name(), true);
        backgroundRebalance(cluster().coordinator1(), TransferMode.named(mode), false, true, strategy);
    }

    @Given("the operator has made {node} take no shards through coordinator-1, so that a rebalance has moves to make")
    public void theOperatorMadeTakeNoShards(Node node) {
        ClusterOperations.through(cluster().coordinator1()).letTakeShards(node.name(), false);
    }

    @When("the operator starts a rebalance through {entryPoint} with citus_rebalance_start, draining only, and the default transfer mode")
    public void theOperatorStartsADefaultRebalance(Endpoint coordinator) {
        backgroundRebalance(coordinator, null, true, false, null);
    }

    @When("the operator starts a rebalance through {entryPoint} with citus_rebalance_start, draining only, and the transfer mode {word}")
    public void theOperatorStartsARebalance(Endpoint coordinator, String mode) {
        backgroundRebalance(coordinator, TransferMode.named(mode), true, false, null);
    }

    /** Starts a background rebalance; when asked, waits for its job to end while its tasks progress ({@link #JOB_STALL}). */
    private void backgroundRebalance(Endpoint coordinator, TransferMode mode, boolean drainOnly, boolean waitForTheEnd, String strategy) {
        rebalance.layoutBefore = ShardLayout.now(cluster());
        rebalance.id = -1;
        rebalance.coordinator = coordinator.name();
        OperationRun started = run("starting a " + (drainOnly ? "drain-only " : "") + "rebalance with "
                + (mode == null ? "the default transfer mode" : mode) + (strategy == null ? "" : " and the strategy " + strategy),
                coordinator, () -> ClusterOperations.through(coordinator)
                .startRebalance(mode, drainOnly, strategy).ifPresent(job -> rebalance.id = job));
        assertThat(started.succeeded()).as("%s", started).isTrue();
        assertThat(rebalance.id).as("the job of the rebalance (none: nothing to move)").isPositive();
        if (waitForTheEnd) {
            var waited = BackgroundJobs.on(coordinator).awaitEnd(rebalance.id, JOB_STALL, JOB_CEILING);
            rebalance.last = waited.last();
            rebalance.seenEnded = java.time.Instant.now();
            rebalance.waitEnded = waited.describe();
            context.report("the rebalance's job as last seen: " + rebalance.last + "; the wait for it: " + waited.describe());
            if (!drainOnly) {
                rebalance.layoutAfterSpreading = ShardLayout.now(cluster());
            }
        }
    }

    @When("the operator stops the rebalance through coordinator-1 with citus_rebalance_stop")
    public void theOperatorStopsTheRebalance() {
        run("stopping the rebalance", cluster().coordinator1(), () -> ClusterOperations.through(cluster().coordinator1()).stopRebalance());
    }

    @When("the operator tries to stop the rebalance through coordinator-2 with citus_rebalance_stop")
    public void theOperatorTriesToStopTheRebalanceThroughCoordinator2() {
        run("stopping the rebalance", cluster().coordinator2(), () -> ClusterOperations.through(cluster().coordinator2()).stopRebalance());
    }

    @When("the operator removes worker-5 through coordinator-1")
    public void theOperatorRemovesWorker5() {
        run("removing " + SpareWorker.NAME, cluster().coordinator1(),
                () -> ClusterOperations.through(cluster().coordinator1()).removeNode(SpareWorker.NAME));
    }

    @When("the operator drains {node} through {entryPoint} with citus_drain_node and the transfer mode {word}")
    public void theOperatorDrainsWithCitusDrainNode(Node node, Endpoint coordinator, String mode) {
        rebalance.layoutBefore = ShardLayout.now(cluster());
        run("draining " + node + " with citus_drain_node and " + mode, coordinator,
                () -> ClusterOperations.through(coordinator).drainNode(node.name(), TransferMode.named(mode)));
    }

    @When("the operator moves the first room's shards through {entryPoint} to a worker that stores none of them, with the transfer mode {word}")
    public void theOperatorMovesTheFirstRoom(Endpoint coordinator, String mode) {
        moves.planned = ShardMove.ofRoom(cluster(), context.rooms().get(0), coordinator.name(), mode, null);
        move();
    }

    @When("the operator moves the first room's shards through coordinator-1 to worker-5, with the transfer mode {word}")
    public void theOperatorMovesTheFirstRoomToWorker5(String mode) {
        moves.planned = ShardMove.ofRoom(cluster(), context.rooms().get(0), ChatCluster.COORDINATOR_1, mode, SpareWorker.NAME);
        move();
    }

    @When("the operator moves the first room's shards back through coordinator-1 from worker-5, with the transfer mode {word}")
    public void theOperatorMovesTheFirstRoomBack(String mode) {
        assertThat(moves.planned).as("the move to worker-5 earlier in this scenario").isNotNull();
        assertThat(moves.planned.to()).as("the move to worker-5 earlier in this scenario").isEqualTo(SpareWorker.NAME);
        moves.planned = moves.planned.back(mode);
        OperationRun back = moves.planned.runPastTheDeferredDrop(cluster(), Duration.ofSeconds(20), run -> {
            operationRuns.add(run);
            context.report(run.toString());
        });
        if (!back.succeeded()) {
            throw new IllegalStateException("the move back, which this scenario needs, failed: " + back);
        }
    }

    @When("the operator calls citus_cleanup_orphaned_resources through coordinator-1 every second until no cleanup record is left, for at most {int} seconds")
    public void theOperatorCleansUpUntilDone(int seconds) {
        ClusterOperations c1 = ClusterOperations.through(cluster().coordinator1());
        java.time.Instant start = java.time.Instant.now();
        int[] calls = {0};
        List<String> notices = new ArrayList<>();
        boolean done;
        try {
            org.awaitility.Awaitility.await("no cleanup record left").atMost(Duration.ofSeconds(seconds)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1)).pollInSameThread().until(() -> {
                        calls[0]++;
                        String notice = c1.cleanupOrphanedResources();
                        if (!notice.isEmpty()) {
                            notices.add(notice);
                        }
                        return io.github.chatcluster.operations.Leftovers.findNow(cluster()).stream()
                                .noneMatch(l -> l.kind() == io.github.chatcluster.operations.Leftover.Kind.CLEANUP_RECORD);
                    });
            done = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            done = false;
        }
        moves.cleanup = String.format(java.util.Locale.ROOT, "%s after %d call(s) of citus_cleanup_orphaned_resources in %.1f s%s",
                done ? "no cleanup record left" : "cleanup records still there", calls[0],
                Duration.between(start, java.time.Instant.now()).toMillis() / 1000.0, notices.isEmpty() ? "" : "; Citus said: " + notices);
        context.report(moves.cleanup);
    }

    @When("the operator drops every chat shard table that no shard copy in the metadata accounts for")
    public void theOperatorDropsUnknownShardTables() {
        context.report("dropped: " + io.github.chatcluster.operations.Leftovers.in(cluster()).dropUnknownShardTables());
    }

    @When("the operator syncs the metadata to coordinator-2 again through coordinator-1")
    public void theOperatorSyncsTheMetadata() {
        OperationRun sync = run("start_metadata_sync_to_node('coordinator-2')", cluster().coordinator1(),
                () -> ClusterOperations.through(cluster().coordinator1()).syncMetadataTo(ChatCluster.COORDINATOR_2));
        assertThat(sync.succeeded()).as("%s", sync).isTrue();
    }

    @When("the operator tries the same move again")
    public void theOperatorTriesTheSameMoveAgain() {
        assertThat(moves.planned).as("a move tried earlier in this scenario").isNotNull();
        move();
    }

    @When("the operator calls citus_cleanup_orphaned_resources through coordinator-1")
    public void theOperatorCleansUp() {
        String[] notice = new String[1];
        OperationRun cleanup = run("citus_cleanup_orphaned_resources()", cluster().coordinator1(),
                () -> notice[0] = ClusterOperations.through(cluster().coordinator1()).cleanupOrphanedResources());
        if (cleanup.succeeded()) {
            context.report("Citus's notice: " + (notice[0].isEmpty() ? "(none)" : notice[0]));
        }
    }

    private void move() {
        OperationRun run = moves.planned.run(cluster());
        operationRuns.add(run);
        context.report(run.toString());
    }
}
