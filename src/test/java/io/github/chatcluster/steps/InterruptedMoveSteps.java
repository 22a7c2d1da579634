package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.cucumber.java.en.When;
import io.github.chatcluster.catalog.PreparedTransactions;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.FailureKind;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.operations.InterruptedMove;
import io.github.chatcluster.operations.ShardMove;
import io.github.chatcluster.operations.TransferMode;

/** A shard move with a node killed while its shards are copied, and the node started again. */
public class InterruptedMoveSteps {

    private static final Duration MOVE_BOUND = Duration.ofSeconds(120);

    private final ScenarioContext context;
    private final OperationRuns operationRuns;
    private final MoveState moves;
    /** The node the step killed. */
    private String killed;

    public InterruptedMoveSteps(ScenarioContext context, OperationRuns operationRuns, MoveState moves) {
        this.context = context;
        this.operationRuns = operationRuns;
        this.moves = moves;
    }

    @When("the operator moves the first room's shards through coordinator-1 to a worker that stores none of them, with the transfer mode {word}, and that worker is killed while the shards are copied")
    public void theMovesTargetIsKilled(String mode) {
        moves.planned = ShardMove.ofRoom(context.cluster(), context.rooms().get(0), ChatCluster.COORDINATOR_1, mode, null);
        moveAndKill(moves.planned.to());
    }

    @When("the operator moves the first room's shards through coordinator-1 to a worker that stores none of them, with the transfer mode {word}, and coordinator-1 is killed while the shards are copied")
    public void coordinator1IsKilledDuringTheMove(String mode) {
        moves.planned = ShardMove.ofRoom(context.cluster(), context.rooms().get(0), ChatCluster.COORDINATOR_1, mode, null);
        moveAndKill(ChatCluster.COORDINATOR_1);
    }

    private void moveAndKill(String victim) {
        ChatCluster cluster = context.cluster();
        killed = victim;
        ShardMove move = moves.planned;
        InterruptedMove.Outcome outcome = InterruptedMove.run(ClusterOperations.through(cluster.coordinator1()),
                move.shard(), move.from(), move.to(), TransferMode.named(move.mode()),
                cluster.endpoint(move.to()), () -> Faults.inject(context, victim, FailureKind.named("killed")), MOVE_BOUND);
        operationRuns.add(outcome.run());
        context.report(outcome.run().toString());
        assertThat(outcome.copySeen()).as("a COPY into a shard table on %s while the move ran (the moment to kill %s);"
                + " the move ended first: %s", move.to(), victim, outcome.run()).isPresent();
        context.report("seen on " + move.to() + " when " + victim + " was killed, "
                + Duration.between(outcome.run().start(), outcome.copySeen().get()).toMillis() + " ms after the move began: "
                + outcome.copyStatement());
        if (!ChatCluster.COORDINATOR_1.equals(victim)) {
            // while the target is down nothing can clean up after the move: what it left is on record now
            moves.recordsAtFailure = io.github.chatcluster.operations.Leftovers.cleanupRecords(cluster);
            context.report("coordinator-1's cleanup records right after the failed move: " + moves.recordsAtFailure);
        }
    }

    @When("the worker that was killed is started again")
    public void theKilledWorkerIsStartedAgain() {
        assertThat(killed).as("a node killed by this scenario").isNotNull();
        moves.killed = killed;
        moves.killedStartedAt = Instant.now();
        context.cluster().faults().start(killed); // returns once the node accepts queries
        moves.killedAcceptsQueries = Instant.now();
        context.timeline().backAt(moves.killedStartedAt);
        // a write whose COMMIT PREPARED the kill cut off is still prepared there: invisible until its coordinator finishes it;
        // read at once, since the recovery may finish some of them any moment now
        moves.preparedByTheKill = PreparedTransactions.preparedBeforeItsStart(context.cluster().endpoint(killed));
        context.report(killed + " accepted queries again " + Duration.between(moves.killedStartedAt, moves.killedAcceptsQueries).toMillis()
                + " ms after its start; read then, it held " + moves.preparedByTheKill.size() + " transaction(s) prepared before the kill "
                + moves.preparedByTheKill + "; " + PreparedTransactions.describe(context.cluster()));
    }
}
