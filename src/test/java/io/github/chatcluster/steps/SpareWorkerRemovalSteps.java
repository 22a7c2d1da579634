package io.github.chatcluster.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.SpareWorker;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.operations.Leftover;
import io.github.chatcluster.operations.Leftovers;
import io.github.chatcluster.operations.OperationRun;
import io.github.chatcluster.operations.ShardMove;

/**
 * Removing worker-5 before Citus's deferred drop of the shard tables a move left on it has run. The drop runs in
 * coordinator-1's maintenance daemon (every citus.defer_shard_delete_interval, 15 s by default); once in a while it
 * runs between the move off worker-5 and the removal, and then there is nothing left for the removal to strand.
 * The step sees that after the removal (the records of a node no longer in the cluster: none) and does it again.
 */
public class SpareWorkerRemovalSteps {

    private static final int ATTEMPTS = 3;

    private final ScenarioContext context;
    private final OperationRuns operationRuns;
    private final MoveState moves;

    public SpareWorkerRemovalSteps(ScenarioContext context, OperationRuns operationRuns, MoveState moves) {
        this.context = context;
        this.operationRuns = operationRuns;
        this.moves = moves;
    }

    @When("the operator removes worker-5 through coordinator-1 before Citus's deferred drop of its old shard tables has run")
    public void theOperatorRemovesWorker5BeforeTheDeferredDrop() {
        ChatCluster cluster = context.cluster();
        ClusterOperations c1 = ClusterOperations.through(cluster.coordinator1());
        List<String> tries = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            OperationRun removal = OperationRun.of("removing " + SpareWorker.NAME, cluster.coordinator1().name(),
                    () -> c1.removeNode(SpareWorker.NAME));
            operationRuns.add(removal);
            context.report(removal.toString());
            if (!removal.succeeded()) {
                return;
            }
            List<Leftover> stranded = Leftovers.cleanupRecords(cluster).stream()
                    .filter(r -> r.name().contains("a node no longer in the cluster")).toList();
            if (!stranded.isEmpty()) {
                context.report("removed before the deferred drop ran (attempt " + attempt + "): " + stranded.size()
                        + " cleanup record(s) of the removed node" + (tries.isEmpty() ? "" : "; before: " + tries));
                return;
            }
            tries.add("attempt " + attempt + ": the deferred drop ran first");
            if (attempt == ATTEMPTS) {
                break;
            }
            context.report("Citus's deferred drop of " + SpareWorker.NAME + "'s old shard tables ran before the removal (attempt "
                    + attempt + "): worker-5 is added again, and the first room's shards moved there and back again");
            OperationRun added = OperationRun.of("adding " + SpareWorker.NAME + " again", cluster.coordinator1().name(),
                    () -> c1.addNode(SpareWorker.NAME));
            operationRuns.add(added);
            context.report(added.toString());
            succeededOrStop(added);
            String mode = moves.planned.mode();
            moves.planned = ShardMove.ofRoom(cluster, context.rooms().get(0), ChatCluster.COORDINATOR_1, mode, SpareWorker.NAME);
            record(moves.planned.run(cluster));
            moves.planned = moves.planned.back(mode);
            succeededOrStop(moves.planned.runPastTheDeferredDrop(cluster, Duration.ofSeconds(20), run -> {
                operationRuns.add(run);
                context.report(run.toString());
            }));
        }
        throw new IllegalStateException("in " + ATTEMPTS + " attempts Citus's deferred drop always ran before the removal of "
                + SpareWorker.NAME + " (" + tries + "): the situation this scenario judges did not arise");
    }

    private void record(OperationRun run) {
        operationRuns.add(run);
        context.report(run.toString());
        succeededOrStop(run);
    }

    private static void succeededOrStop(OperationRun run) {
        if (!run.succeeded()) {
            throw new IllegalStateException("doing again what this scenario needs failed: " + run);
        }
    }
}
