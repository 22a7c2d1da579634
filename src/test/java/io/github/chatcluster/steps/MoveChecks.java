package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cucumber.java.en.Then;
import io.github.chatcluster.app.ChatDatabaseException;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.operations.BackgroundJob;
import io.github.chatcluster.operations.Leftover;
import io.github.chatcluster.operations.Leftovers;
import io.github.chatcluster.operations.OperationRun;
import io.github.chatcluster.operations.ShardLayout;
import io.github.chatcluster.report.Figures;

/** How a move, a drain, a stop or a removal ended, and what a failed one left behind: Then steps that only read. */
public class MoveChecks {

    private final ScenarioContext context;
    private final OperationRuns operationRuns;
    private final RebalanceJob rebalance;
    private final MoveState moves;

    public MoveChecks(ScenarioContext context, OperationRuns operationRuns, RebalanceJob rebalance, MoveState moves) {
        this.context = context;
        this.operationRuns = operationRuns;
        this.rebalance = rebalance;
        this.moves = moves;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Then("the move failed with {string}")
    public void theMoveFailedWith(String error) {
        assertFailedWith(error);
    }

    @Then("the drain failed with {string}")
    public void theDrainFailedWith(String error) {
        assertFailedWith(error);
    }

    @Then("the stop failed with {string}, and the job is still running")
    public void theStopFailed(String error) {
        assertFailedWith(error);
        BackgroundJob job = rebalance.current(cluster());
        assertThat(job.ended()).as("the job after the stop was refused: %s", job).isFalse();
    }

    private void assertFailedWith(String error) {
        OperationRun run = operationRuns.last();
        assertThat(run.succeeded()).as("%s", run).isFalse();
        assertThat(run.error()).as("the error of %s", run.what()).contains(error);
    }

    @Then("the move failed with an error reported by the worker it copied from: its COPY to the worker that was killed, or its connection to it, failed")
    public void theMoveFailedAtTheSource() {
        assertFailedWith("while executing command on " + moves.planned.from());
        String error = operationRuns.last().error();
        // seen: "Failed to COPY to shard ...", "connection to the remote node postgres@<target> failed ...", "server
        // closed the connection unexpectedly ... while executing command on <target>", and, when the kill lands as the
        // copy ends (with -Dcluster.cpus=0.25), "Failed to COPY to destination shard ..." (both in Citus 14's
        // worker_shard_copy.c: sending rows, and ending the COPY)
        assertThat(error.contains("Failed to COPY to shard") || error.contains("Failed to COPY to destination shard")
                || error.contains(moves.planned.to()))
                .as("the move's error names a failed COPY or the killed %s: %s", moves.planned.to(), error).isTrue();
    }

    @Then("coordinator-2 and the workers still list the first room's {int} shard copies on worker-5, in a node group that has no node")
    public void theOthersStillListTheCopies(int copies) {
        for (String node : cluster().databaseNodes().subList(1, cluster().databaseNodes().size())) {
            long stale = CitusCatalog.through(cluster().endpoint(node)).placementsInGroupsWithoutNode();
            context.report(node + " lists " + stale + " shard copies in a node group that has no node");
            assertThat(stale).as("shard copies in a group with no node, in %s's metadata", node).isEqualTo(copies);
        }
    }

    @Then("reading the first room through coordinator-2 fails with {string}")
    public void readingThroughCoordinator2Fails(String error) {
        String outcome = readFirstRoomThroughCoordinator2();
        assertThat(outcome).as("reading the first room through coordinator-2").contains(error);
    }

    @Then("reading the first room through coordinator-2 succeeds")
    public void readingThroughCoordinator2Succeeds() {
        assertThat(readFirstRoomThroughCoordinator2()).as("reading the first room through coordinator-2").startsWith("read ");
    }

    private String readFirstRoomThroughCoordinator2() {
        long room = context.rooms().get(0);
        try {
            String read = "read " + ChatInspection.through(cluster().coordinator2()).messagesIn(room) + " messages";
            context.report("room " + room + " through coordinator-2: " + read);
            return read;
        } catch (ChatDatabaseException e) {
            context.report("room " + room + " through coordinator-2: " + e.getMessage());
            return e.getMessage();
        }
    }

    @Then("the move failed as coordinator-1 died: its session was lost, or ended with {string}")
    public void theMoveFailedAsCoordinator1Died(String ending) {
        OperationRun run = operationRuns.last();
        assertThat(run.succeeded()).as("%s", run).isFalse();
        String state = String.valueOf(run.failure().get().sqlState());
        assertThat(state.startsWith("08") || run.error().contains(ending))
                .as("the move's session lost (SQLSTATE 08...) or ended with \"%s\": SQLSTATE %s, %s", ending, state, run.error()).isTrue();
    }

    @Then("the move succeeded, and the first room's shards are stored on {movePlace} and on the worker they stayed on")
    public void theMoveSucceeded(String place) {
        OperationRun run = operationRuns.last();
        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(roomWorkers()).as("the workers of the first room's shards after %s", run)
                .containsExactlyInAnyOrder(moves.planned.to(), moves.planned.stayed());
        Figures.record(OperationRuns.figureKey(context) + ".move-seconds", Figures.seconds(run.took()));
    }

    @Then("the removal succeeded")
    public void theRemovalSucceeded() {
        OperationRun run = operationRuns.last();
        assertThat(run.succeeded()).as("%s", run).isTrue();
    }

    @Then("the first room's shards are still stored on the same {int} workers as before the move")
    public void theFirstRoomIsWhereItWas(int copies) {
        assertThat(roomWorkers()).as("the workers of the first room's shards").hasSize(copies)
                .containsExactlyInAnyOrderElementsOf(moves.planned.workersBefore());
    }

    @Then("the first room's shards are still stored on the same {int} workers as before the move, read through coordinator-2")
    public void theFirstRoomIsWhereItWasThroughCoordinator2(int copies) {
        Set<String> nodes = ShardLayout.of(CitusCatalog.through(cluster().coordinator2()).allPlacements()).nodesOf(moves.planned.shard());
        assertThat(nodes).as("the workers of the first room's shards, in coordinator-2's metadata").hasSize(copies)
                .containsExactlyInAnyOrderElementsOf(moves.planned.workersBefore());
    }

    @Then("the first room's {int} shards now have {int} copy each, and every other shard still has {int}")
    public void theFirstRoomsShardsHaveOneCopy(int shards, int copies, int others) {
        Map<Long, Set<String>> odd = ShardLayout.now(cluster()).shardsWithout(others);
        context.report("shards without " + others + " copies: " + odd);
        assertThat(odd).as("shards without %d copies", others).hasSize(shards)
                .allSatisfy((shard, nodes) -> assertThat(nodes).as("copies of shard %d", shard).containsExactly(moves.planned.stayed()));
        assertThat(odd).containsKey(moves.planned.shard());
        assertThat(copies).isEqualTo(1);
    }

    private Set<String> roomWorkers() {
        return ShardLayout.now(cluster()).nodesOf(moves.planned.shard());
    }

    @Then("the failed move left behind cleanup records on coordinator-1 for its shard tables on the worker that was killed, any of those tables it had made, and no replication slot, publication, subscription or user")
    public void theFailedMoveLeftBehind() {
        List<Leftover> found = reportWhatWasLeft();
        assertNoMoveMachinery(found);
        List<Leftover> stillThere = found.stream().filter(l -> l.kind() == Leftover.Kind.CLEANUP_RECORD).toList();
        // The records the move left, read while the target was down; once it is back, Citus's maintenance daemon may
        // process them by itself at any moment (every citus.defer_shard_delete_interval), before this step looks.
        List<Leftover> records = moves.recordsAtFailure.isEmpty() ? stillThere : moves.recordsAtFailure;
        context.report(records.size() + " cleanup records right after the failed move; " + stillThere.size()
                + " still there once the worker was back");
        int targetGroup = io.github.chatcluster.catalog.CitusCatalog.through(cluster().coordinator1()).nodes().stream()
                .filter(n -> n.name().equals(moves.planned.to())).findFirst().orElseThrow().groupId();
        assertThat(records).as("cleanup records of the failed move, in all that was found: %s", found).isNotEmpty()
                .allSatisfy(r -> assertThat(r.name()).as("the node group of %s (%s is group %d)", r, moves.planned.to(), targetGroup)
                        .matches(".*, group " + targetGroup + "[),].*"));
        for (Leftover table : found.stream().filter(l -> l.kind() == Leftover.Kind.SHARD_TABLE).toList()) {
            assertThat(table.node()).as("the node of %s", table).isEqualTo(moves.planned.to());
            assertThat(stillThere).as("a cleanup record for %s", table).anyMatch(r -> r.name().startsWith("public." + table.name() + " "));
        }
    }

    @Then("the report lists what the failed move left behind, and none of it is a replication slot, publication, subscription, user or background job")
    public void theReportListsWhatWasLeft() {
        assertNoMoveMachinery(reportWhatWasLeft());
    }

    /** None of what a logical move sets up (slot, publication, subscription, user) and no background job was left. */
    private static void assertNoMoveMachinery(List<Leftover> found) {
        assertThat(found).as("what the failed move left behind").noneMatch(l -> List.of(Leftover.Kind.REPLICATION_SLOT,
                Leftover.Kind.PUBLICATION, Leftover.Kind.SUBSCRIPTION, Leftover.Kind.USER, Leftover.Kind.BACKGROUND_JOB).contains(l.kind()));
    }

    /** What operations left behind now, attached to the report and recorded in the figures. */
    private List<Leftover> reportWhatWasLeft() {
        List<Leftover> found = Leftovers.findNow(cluster());
        context.attachText("what the failed move left behind", found.isEmpty() ? "nothing" : found.stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n")));
        Figures.record(OperationRuns.figureKey(context) + ".left-behind", found.stream().map(l -> l.kind().name()).distinct().sorted().toList().toString());
        return found;
    }

    @Then("nothing the operations left behind remains on any node of the cluster")
    public void nothingRemains() {
        assertThat(Leftovers.findNow(cluster())).as("left behind after the clean-up").isEmpty();
    }

    @Then("nothing the operations left behind remains on any node of the cluster, and the report shows how long the clean-up took")
    public void nothingRemainsAndTheCleanUpIsTimed() {
        context.report("the clean-up: " + moves.cleanup);
        Figures.record(OperationRuns.figureKey(context) + ".cleanup", moves.cleanup);
        nothingRemains();
    }

    @Then("coordinator-1 still holds the cleanup records of the first room's {int} shard tables on worker-5, a node no longer in the cluster")
    public void coordinator1StillHoldsCleanupRecords(int tables) {
        OperationRun cleanup = operationRuns.last();
        var records = io.github.chatcluster.operations.Leftovers.findNow(cluster()).stream()
                .filter(l -> l.kind() == io.github.chatcluster.operations.Leftover.Kind.CLEANUP_RECORD).toList();
        context.report("the clean-up: " + cleanup + "; cleanup records left: " + records);
        assertThat(records).as("cleanup records of a node no longer in the cluster, after %s", cleanup)
                .filteredOn(l -> l.name().contains("a node no longer in the cluster")).hasSize(tables);
    }
}
