package io.github.chatcluster.steps;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.PooledClient;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.EveryOneServed;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;
import io.github.chatcluster.app.WriteAttempt;

/** What still works through each entry point while a coordinator is down or hung: writes, reads, schema changes. */
public class CoordinatorDownSteps {

    private final ScenarioContext context;
    private PooledClient pooledClient;
    private java.util.concurrent.CompletableFuture<PooledClient.Outcome> pooledWrite;
    private Instant pooledWriteSentAt;
    private int cancelAfter;

    public CoordinatorDownSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Then("coordinator-1 still reads every acknowledged write")
    public void coordinator1StillReads() {
        AcknowledgedWrites.assertAllReadOnceThrough(cluster(), context.acks(), cluster().coordinator1());
    }

    @Given("a client with a pooled session on {entryPoint} that has written a room")
    public void aClientWithAPooledSession(Endpoint entry) throws SQLException {
        pooledClient = PooledClient.open(entry);
        PooledClient.Outcome first = pooledClient.createRoom(Duration.ofSeconds(10));
        assertThat(first.committed()).as("the pooled session's first write: %s", first).isTrue();
    }

    @When("the pooled session sends its next write, which the client cancels after {int} seconds")
    public void thePooledSessionSendsItsNextWrite(int cancelAfter) {
        pooledWriteSentAt = Instant.now();
        pooledWrite = pooledClient.createRoomInTheBackground(Duration.ofSeconds(cancelAfter));
        this.cancelAfter = cancelAfter;
    }

    /** Looks only: the write has no outcome yet, through the whole time from its sending to the bound. */
    @Then("that write still has no answer {int} seconds after it was sent")
    public void thatWriteHasNoAnswer(int seconds) {
        assertThat(pooledWrite).as("the pooled session's write").isNotNull();
        Duration left = Duration.between(Instant.now(), pooledWriteSentAt.plusSeconds(seconds));
        if (!left.isNegative() && !left.isZero()) {
            await("the pooled session's write stays unanswered").during(left).atMost(left.plusSeconds(2))
                    .until(() -> !pooledWrite.isDone());
        }
        assertThat(pooledWrite.isDone()).as("the pooled session's write has an outcome %d s after it was sent", seconds).isFalse();
        context.report("the pooled session's write through " + pooledClient.entry() + " had no answer " + seconds
                + " s after it was sent, although the client's driver cancelled it after " + cancelAfter + " s");
    }

    @Then("the demo's claim of {string} {statedVerdict} while {node} is down,/hung, judged by whether every write the clients tried was acknowledged")
    public void theClaimWhileACoordinatorIsDown(String words, Verdict stated, Node node) {
        assertThat(context.attempts()).as("the writes the clients tried while %s was down", node).isNotEmpty();
        int acknowledged = (int) context.attempts().stream().filter(WriteAttempt::acknowledged).count();
        var j = EveryOneServed.judge("writes the clients tried acknowledged", acknowledged, context.attempts().size());
        var refused = context.attempts().stream().filter(a -> !a.acknowledged()).findFirst();
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "with " + context.timeline().fault() + ", " + j.why()
                + refused.map(a -> "; a client was refused " + a).orElse(""));
    }

    @After
    public void closeThePooledClient() {
        if (pooledClient != null) {
            pooledClient.close();
        }
    }
}
