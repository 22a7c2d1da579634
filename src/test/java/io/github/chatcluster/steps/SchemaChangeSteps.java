package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.Reactions;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.schema.InterruptedIndexBuild;
import io.github.chatcluster.schema.LockTimeout;
import io.github.chatcluster.schema.LongTransaction;
import io.github.chatcluster.schema.SchemaOperator;
import io.github.chatcluster.schema.SchemaSnapshot;

/**
 * What the operator and the clients do in a schema scenario: schema changes through one entry point (the statement is
 * the feature's), a transaction held open, a worker killed while an index is built, reactions added to a new table.
 * The scenario gives back the schema it found when it ends.
 */
public class SchemaChangeSteps {

    private final ScenarioContext context;
    private final SchemaWork work;

    public SchemaChangeSteps(ScenarioContext context, SchemaWork work) {
        this.context = context;
        this.work = work;
    }

    @Before(value = "@schema", order = 10)
    public void rememberTheSchema() {
        if (context.hasCluster()) {
            work.before = SchemaSnapshot.take(context.cluster());
        }
    }

    @When("the operator runs through {entryPoint}:")
    public void theOperatorRuns(Endpoint entry, String statement) {
        record(SchemaOperator.through(entry).run(statement.strip()));
    }

    @When("the operator runs through coordinator-1, with lock_timeout {int} s set {lockTimeoutScope}:")
    public void theOperatorRunsWithLockTimeout(int seconds, LockTimeout.Scope scope, String statement) {
        LockTimeout timeout = new LockTimeout(Duration.ofSeconds(seconds), scope);
        record(SchemaOperator.through(context.cluster().coordinator1()).withLockTimeout(timeout).run(statement.strip()));
    }

    @Given("a transaction through {entryPoint} has read the first room's messages and stays open for {int} seconds")
    public void aLongReadingTransaction(Endpoint entry, int seconds) {
        work.longTransaction = LongTransaction.open(entry, LongTransaction.Kind.READS, context.rooms().get(0), Duration.ofSeconds(seconds));
        context.report("a transaction through " + entry + " holds its locks on the first room's messages until " + work.longTransaction.endsAt());
    }

    @Given("a transaction through {entryPoint} has written a message to the first room and stays open for {int} seconds")
    public void aLongWritingTransaction(Endpoint entry, int seconds) {
        work.longTransaction = LongTransaction.open(entry, LongTransaction.Kind.WRITES, context.rooms().get(0), Duration.ofSeconds(seconds));
        context.report("a transaction through " + entry + " holds its write on the first room until " + work.longTransaction.endsAt());
    }

    @When("clients add a reaction to every room through coordinator-1, coordinator-2 and the load balancer")
    public void clientsAddReactions() {
        ChatCluster cluster = context.cluster();
        Reactions.Round round = Reactions.onePerRoom(cluster.entryPoints(),
                context.rooms(), room -> context.acks().membersOf(room).get(0));
        work.acknowledgedReactions.addAll(round.acknowledged());
        work.refusedReactions.addAll(round.refused());
        context.report(round.acknowledged().size() + " reactions acknowledged, " + round.refused().size() + " refused " + round.refused());
    }

    @When("the operator starts through coordinator-1, and a worker that stores the first room is killed while the index is built:")
    public void theIndexBuildLosesAWorker(String statement) {
        InterruptedIndexBuild.Outcome o = InterruptedIndexBuild.run(context.cluster(), statement.strip(), context.rooms().get(0));
        work.killedWorker = o.killed();
        context.report(o.killed() + " was killed while the index was built (seen building on " + o.seenBuilding() + ")");
        record(o.change());
    }

    @When("the worker that was killed while the index was built is started again")
    public void theKilledWorkerIsStartedAgain() {
        assertThat(work.killedWorker).as("a worker killed by this scenario").isNotNull();
        context.cluster().faults().start(work.killedWorker); // returns once it accepts queries
    }

    private void record(io.github.chatcluster.schema.SchemaChange change) {
        work.changes.add(change);
        context.report(change.summary());
    }

    @After(value = "@schema", order = 1)
    public void giveTheSchemaBack() {
        if (work.longTransaction != null) {
            work.longTransaction.close();
        }
        if (context.hasCluster() && work.before != null) {
            try {
                List<String> done = work.before.giveBack(context.cluster());
                if (!done.isEmpty()) {
                    context.report("the schema given back as the scenario found it: " + String.join("; ", done));
                }
            } catch (RuntimeException e) {
                context.report("could not give the schema back (" + e.getMessage() + "); the check before the next scenario finds what is left");
            }
        }
    }
}
