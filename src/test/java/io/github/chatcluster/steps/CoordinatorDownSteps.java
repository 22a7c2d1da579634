package io.github.chatcluster.steps;

import io.github.chatcluster.cluster.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.ChatDatabaseException;
import io.github.chatcluster.app.ChatMaintenance;
import io.github.chatcluster.app.ChatWriter;
import io.github.chatcluster.app.PooledClient;
import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.SeedClaim;

/** What still works through each entry point while a coordinator is down or hung: writes, reads, schema changes. */
public class CoordinatorDownSteps {

    private final ScenarioContext context;
    /** The first line of the error of a write a coordinator refused in this scenario. */
    private String refusedWrite;
    /** How long the last refused write took, from its start to its error. */
    private Duration lastWriteTook;
    private PooledClient pooledClient;
    private long lastRoomTried;

    public CoordinatorDownSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Then("rooms, members and messages can be written and read through {entryPoint}")
    public void canBeWrittenAndReadThrough(Endpoint entry) {
        ChatWriter writer = ChatWriter.withoutRetries(entry, context.acks());
        long room;
        try {
            room = writer.writeRoom(3);
        } finally {
            writer.close();
        }
        assertThat(ChatApplication.through(entry).history(room)).as("history of the new room through %s", entry).hasSize(3);
        assertThat(ChatApplication.through(entry).members(room)).hasSize(ChatApplication.MEMBERS_PER_ROOM);
    }

    @Then("a schema change through {entryPoint} is refused with {string}")
    public void aSchemaChangeIsRefused(Endpoint entry, String message) {
        var error = catchThrowableOfType(ChatDatabaseException.class,
                () -> ChatMaintenance.through(entry).changeSchema());
        assertThat(error).as("a schema change through %s", entry).isNotNull();
        assertThat(error.outcome()).as("what the client can conclude from: %s", error.getMessage()).isEqualTo(WriteOutcome.REFUSED);
        context.report("schema change through " + entry + " refused: " + error.getMessage());
        assertThat(error).hasMessageContaining(message);
    }

    @Then("a schema change through {entryPoint} fails")
    public void aSchemaChangeFails(Endpoint entry) {
        var error = catchThrowableOfType(ChatDatabaseException.class,
                () -> ChatMaintenance.through(entry).changeSchema());
        assertThat(error).as("a schema change through %s", entry).isNotNull();
        assertThat(error.outcome()).as("what the client can conclude from: %s", error.getMessage()).isEqualTo(WriteOutcome.REFUSED);
        context.report("schema change through " + entry + " failed: " + error.getMessage());
    }

    @Then("a schema change through {entryPoint} succeeds again")
    public void aSchemaChangeSucceeds(Endpoint entry) {
        ChatMaintenance.through(entry).changeSchema();
    }

    @Then("coordinator-1 still reads every acknowledged write")
    public void coordinator1StillReads() {
        AcknowledgedWrites.assertAllReadOnceThrough(context.acks(), cluster().coordinator1());
    }

    @Then("a write through {entryPoint} fails with {string}")
    public void aWriteFailsWith(Endpoint entry, String message) {
        java.time.Instant start = java.time.Instant.now();
        var error = catchThrowableOfType(ChatDatabaseException.class,
                () -> ChatApplication.through(entry).createRoom(lastRoomTried = ChatWriter.newRoomId(), "must fail"));
        lastWriteTook = java.time.Duration.between(start, java.time.Instant.now());
        assertThat(error).as("a write through %s", entry).isNotNull();
        assertThat(error.outcome()).as("what the client can conclude from: %s", error.getMessage()).isEqualTo(WriteOutcome.REFUSED);
        context.report("write through " + entry + " failed: " + error.getMessage());
        assertThat(error).hasMessageContaining(message);
        refusedWrite = entry + " refused a new room with: " + Text.firstLine(error.getMessage());
        assertThat(io.github.chatcluster.app.ChatInspection.through(entry).roomIds()).as("rooms after the refused one").doesNotContain(lastRoomTried);
    }

    @Then("a new room and a new message through {entryPoint} each fail with {string}, and neither is stored")
    public void aNewRoomAndANewMessageFail(Endpoint entry, String message) {
        aWriteFailsWith(entry, message);
        long room = context.rooms().get(0);
        java.util.UUID id = java.util.UUID.randomUUID();
        var error = catchThrowableOfType(ChatDatabaseException.class,
                () -> ChatApplication.through(entry).send(room, context.acks().membersOf(room).get(0), "must fail", id));
        assertThat(error).as("a new message through %s", entry).isNotNull();
        assertThat(error.outcome()).as("what the client can conclude from: %s", error.getMessage()).isEqualTo(WriteOutcome.REFUSED);
        assertThat(error).hasMessageContaining(message);
        context.report("message through " + entry + " failed: " + error.getMessage());
        assertThat(io.github.chatcluster.app.ChatInspection.through(entry).copiesOfMessage(room, id)).as("copies of the refused message").isZero();
    }

    @Given("a client with a pooled session on {entryPoint} that has written a room")
    public void aClientWithAPooledSession(Endpoint entry) throws SQLException {
        pooledClient = PooledClient.open(entry);
        PooledClient.Outcome first = pooledClient.createRoom(Duration.ofSeconds(10));
        assertThat(first.committed()).as("the pooled session's first write: %s", first).isTrue();
    }

    @Then("the pooled session's next write, which the client cancels after {int} seconds, still has no answer after {int} seconds")
    public void thePooledSessionsNextWriteHasNoAnswer(int cancelAfter, int seconds) {
        var write = pooledClient.createRoomInTheBackground(Duration.ofSeconds(cancelAfter));
        await("the pooled session's write stays unanswered").during(Duration.ofSeconds(seconds))
                .atMost(Duration.ofSeconds(seconds + 2)).until(() -> !write.isDone());
        context.report("the pooled session's write through " + pooledClient.entry() + " had no answer after "
                + seconds + " s, although the client's driver cancelled it after " + cancelAfter + " s");
    }

    @Then("a write through a new session on {entryPoint} fails after {int} to {int} seconds with {string}")
    public void aWriteThroughANewSessionFailsAfter(Endpoint entry, int atLeast, int atMost, String message) {
        aWriteFailsWith(entry, message);
        Duration took = lastWriteTook; // the write alone, not the read that shows it was not stored
        context.report(String.format(java.util.Locale.ROOT, "the write through a new session on %s failed after %.1f s", entry, took.toMillis() / 1000.0));
        assertThat(took).as("time until the write failed").isBetween(Duration.ofSeconds(atLeast), Duration.ofSeconds(atMost));
    }

    @Then("so the demo's claim of {string} does not hold while {node} is down/hung")
    public void soTheClaimDoesNotHold(String words, String node) {
        SeedClaim claim = SeedClaim.withWords(words);
        boolean held = refusedWrite == null;
        context.claim(claim, held, "with " + context.timeline().fault() + ", "
                + (held ? "no write of this scenario was refused" : refusedWrite));
        assertThat(held).as("the claim, found held: no write was refused in this scenario while %s was down", node).isFalse();
    }

    @After
    public void closeThePooledClient() {
        if (pooledClient != null) {
            pooledClient.close();
        }
    }
}
