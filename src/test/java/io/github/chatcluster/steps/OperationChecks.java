package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import io.cucumber.java.en.Then;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.SpareWorker;
import io.github.chatcluster.operations.BackgroundJob;
import io.github.chatcluster.operations.BackgroundJobs;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.operations.OperationRun;
import io.github.chatcluster.operations.ShardLayout;
import io.github.chatcluster.report.Figures;

/** What an operation did to the cluster, looked at: the Then steps of the operations feature (they only read). */
public class OperationChecks {

    private final ScenarioContext context;
    private final OperationRuns operationRuns;
    private final RebalanceJob rebalance;

    public OperationChecks(ScenarioContext context, OperationRuns operationRuns, RebalanceJob rebalance) {
        this.context = context;
        this.operationRuns = operationRuns;
        this.rebalance = rebalance;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Then("the rebalance finished while its tasks progressed, and the report shows how long it took and how many shard copies it moved")
    public void theRebalanceFinished() {
        BackgroundJob job = rebalance.last;
        assertThat(job).as("the rebalance's job").isNotNull();
        OperationRun started = operationRuns.last();
        // timed from the operator's call of citus_rebalance_start to the first poll that saw the job finished
        Duration took = Duration.between(started.start(), rebalance.seenEnded);
        int moved = ShardLayout.now(cluster()).copiesNotIn(rebalance.layoutBefore);
        String figure = String.format(java.util.Locale.ROOT, "%s; seen ended %.1f s after citus_rebalance_start was called"
                + " (Citus's own start-to-finish %.1f s); %d shard copies moved", job, took.toMillis() / 1000.0,
                job.ranFor().toMillis() / 1000.0, moved);
        context.report(figure);
        String jobKey = OperationRuns.figureKey(context) + ".job-" + job.id();
        Figures.record(jobKey + ".seconds", Figures.seconds(took));
        Figures.record(jobKey + ".shard-copies-moved", String.valueOf(moved));
        assertThat(job.finished()).as("the rebalance's job %s (started %s; the wait for it: %s)", job, started.start(),
                rebalance.waitEnded).isTrue();
    }

    @Then("the rebalance plan of the strategy {word} is empty")
    public void theRebalancePlanIsEmpty(String strategy) {
        assertThat(ClusterOperations.through(cluster().coordinator1()).plan(strategy)).as("get_rebalance_table_shards_plan(%s)", strategy).isEmpty();
    }

    @Then("each of the {int} workers stores between {int} and {int} of the {int} shard copies")
    public void eachWorkerStoresItsShare(int workers, int low, int high, int total) {
        Map<String, Integer> perNode = ShardLayout.now(cluster()).copiesPerNode(List.of());
        context.report("shard copies per worker: " + perNode);
        assertThat(perNode).as("workers storing shard copies").hasSize(workers);
        assertThat(perNode.values().stream().mapToInt(Integer::intValue).sum()).as("shard copies in all").isEqualTo(total);
        assertThat(perNode).as("shard copies per worker").allSatisfy((w, n) -> assertThat(n).as(w).isBetween(low, high));
    }

    @Then("for every room, its shards of rooms, room_members and messages are placed on the same {int} workers")
    public void everyRoomIsStoredTogether(int copies) {
        List<Long> rooms = ChatInspection.through(cluster().coordinator1()).roomIds();
        for (DataPlacement.RoomPlacement room : new DataPlacement(cluster()).roomPlacements(rooms)) {
            List<String> roomsNodes = room.nodesByTable().get("rooms");
            assertThat(roomsNodes).as("workers storing room %d", room.roomId()).hasSize(copies);
            assertThat(room.nodesByTable()).as("where the data of room %d is stored", room.roomId())
                    .allSatisfy((table, nodes) -> assertThat(nodes).as(table).isEqualTo(roomsNodes));
        }
        context.report(rooms.size() + " rooms, each stored on the same " + copies + " workers in all three tables");
    }

    @Then("{node} stores no shard copy")
    public void storesNoShardCopy(Node node) {
        Map<String, Integer> perNode = ShardLayout.now(cluster()).copiesPerNode(List.of(node.name()));
        context.report("shard copies per worker: " + perNode);
        assertThat(perNode.get(node.name())).as("shard copies on %s", node).isZero();
    }

    @Then("{node} still stores shard copies, and the report shows how many")
    public void stillStoresSome(Node node) {
        Map<String, Integer> perNode = ShardLayout.now(cluster()).copiesPerNode(List.of(node.name()));
        context.report("shard copies per worker: " + perNode);
        Figures.record(OperationRuns.figureKey(context) + ".copies-left-on-" + node, String.valueOf(perNode.get(node.name())));
        assertThat(perNode.get(node.name())).as("shard copies on %s", node).isPositive();
    }

    @Then("the cluster has the {int} workers again, and every shard of every chat table is stored on exactly {int} of them")
    public void theClusterHasItsWorkersAgain(int workers, int copies) {
        List<String> nodes = CitusCatalog.through(cluster().coordinator1()).nodes().stream().map(CitusCatalog.Node::name).toList();
        assertThat(nodes).as("nodes in coordinator-1's metadata").containsExactlyInAnyOrderElementsOf(cluster().databaseNodes());
        ShardLayout layout = ShardLayout.now(cluster());
        assertThat(layout.copiesPerNode(List.of()).keySet()).as("nodes storing shard copies").containsExactlyInAnyOrderElementsOf(ChatCluster.WORKERS);
        assertThat(ChatCluster.WORKERS).hasSize(workers);
        assertThat(layout.shardsWithout(copies)).as("shards without %d copies", copies).isEmpty();
    }

    @Then("within {int} seconds its first move has failed with {string} and been retried, the job is still running, and no shard copy has moved")
    public void itsFirstMoveFailedAndIsRetried(int seconds, String error) {
        Instant deadline = operationRuns.last().start().plusSeconds(seconds);
        AtomicReference<BackgroundJob> last = new AtomicReference<>();
        try {
            await("a failed and retried move of job " + rebalance.id).atMost(Duration.between(Instant.now(), deadline).plusMillis(1))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).pollInSameThread().until(() -> {
                        last.set(currentJob());
                        return last.get().retries() >= 1 && last.get().errors().stream().anyMatch(e -> e.contains(error));
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("within " + seconds + " s of its start, the job was not seen failing a move with \""
                    + error + "\" and retrying it: " + last.get());
        }
        context.report("the job " + Duration.between(operationRuns.last().start(), Instant.now()).toMillis() + " ms after it was started: " + last.get());
        assertThat(last.get().ended()).as("the job ended: %s", last.get()).isFalse();
        assertThat(ShardLayout.now(cluster()).copiesNotIn(rebalance.layoutBefore)).as("shard copies moved").isZero();
    }

    @Then("the job is cancelled, and no shard copy has moved")
    public void theJobIsCancelled() {
        BackgroundJob job = currentJob();
        context.report("the job: " + job);
        assertThat(job.state()).as("the state of %s", job).isEqualTo("cancelled");
        assertThat(ShardLayout.now(cluster()).copiesNotIn(rebalance.layoutBefore)).as("shard copies moved").isZero();
    }

    @Then("coordinator-2 accepted it as a job of its own, which coordinator-1 does not list")
    public void coordinator2AcceptedItsOwnJob() {
        assertThat(rebalance.coordinator).isEqualTo(ChatCluster.COORDINATOR_2);
        BackgroundJob job = currentJob();
        context.report("on coordinator-2: " + job + "; unfinished on coordinator-1: " + BackgroundJobs.on(cluster().coordinator1()).unfinished());
        assertThat(BackgroundJobs.on(cluster().coordinator1()).unfinished()).as("unfinished jobs on coordinator-1").isEmpty();
    }

    private BackgroundJob currentJob() {
        return rebalance.current(cluster());
    }

}
