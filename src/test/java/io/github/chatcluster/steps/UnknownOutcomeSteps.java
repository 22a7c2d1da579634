package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.InFlightWrite;
import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.Figures;

/** A write whose COMMIT happened but whose answer was lost: the client's retry, and the schema that makes it safe. */
public class UnknownOutcomeSteps {

    private final ScenarioContext context;
    private InFlightWrite write;
    private InFlightWrite.Commit commit;
    private Boolean retryFoundItStored;

    public UnknownOutcomeSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a client connected to {node} directly, with a socket timeout of {int} seconds, in the middle of writing a message")
    public void aClientInTheMiddleOfWriting(Node node, int seconds) throws SQLException {
        long room = context.rooms().get(0);
        write = InFlightWrite.beginOn(context.cluster().endpoint(node.name()), room, context.acks().membersOf(room).get(0), Duration.ofSeconds(seconds));
    }

    @When("{node}'s answers to clients outside the cluster are lost, and the client commits")
    public void answersAreLostAndTheClientCommits(Node node) {
        context.timeline().faultInjectedAt(Instant.now());
        context.timeline().fault(new FaultInForce(java.util.List.of(node.name()), node.name() + "'s answers to outside clients lost"));
        context.cluster().packetFaults().loseAnswersToOutsideClients(node.name());
        commit = write.commit(context.acks());
        context.report("the client's COMMIT: " + commit);
    }

    @Then("the client's commit ends within {int} seconds with an unknown outcome, SQLSTATE {sqlStates}")
    public void theCommitEndsWithAnUnknownOutcome(int seconds, List<String> sqlStates) {
        Figures.record("unknown-outcome.commit-wait-seconds", String.format(java.util.Locale.ROOT, "%.2f", commit.took().toMillis() / 1000.0));
        assertThat(commit.acknowledged()).as("the COMMIT whose answer was dropped was acknowledged: %s", commit).isFalse();
        assertThat(commit.outcome()).as("what the client can conclude from: %s", commit).isEqualTo(WriteOutcome.UNKNOWN);
        assertThat(commit.error().getSQLState()).as("SQLSTATE of: %s", commit).isIn(sqlStates);
        assertThat(commit.took()).as("how long the COMMIT waited: %s", commit).isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @When("the client writes the message again with the same id through {entryPoint}")
    public void theClientWritesAgain(Endpoint entry) {
        retryFoundItStored = write.resolveThrough(entry, context.acks(), Duration.ofSeconds(15));
        context.report("the second INSERT with the same client-made id " + (retryFoundItStored
                ? "met the first one (ON CONFLICT DO NOTHING): the lost COMMIT had happened" : "stored the message: the first had not"));
    }

    @Then("the new attempt found the message already stored")
    public void theNewAttemptFoundItStored() {
        long copies = ChatInspection.through(context.cluster().coordinator2()).copiesOfMessage(write.roomId(), write.clientId());
        assertThat(retryFoundItStored).as("the retry with the same client-made id found its own message already stored"
                + " (it is now stored %d times: a retry is harmless only while the schema has a unique key on"
                + " (room_id, client_msg_id))", copies).isTrue();
    }

    @Then("the message is stored exactly once, through coordinator-1 and coordinator-2 and on both copies of its shard")
    public void theMessageIsStoredExactlyOnce() {
        AcknowledgedWrites.assertMessageReadOnceThrough(List.of(context.cluster().coordinator1(), context.cluster().coordinator2()),
                write.roomId(), write.clientId());
        context.report("the message on each placement of its shard: "
                + AcknowledgedWrites.assertMessageOnBothPlacements(context.cluster(), context.cluster().coordinator1(), write.roomId(), write.clientId()));
    }

    @After
    public void close() {
        if (write != null) {
            write.close();
        }
    }
}
