package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.PooledClient;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.WriteAttempt;
import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.catalog.OpenTransactions;
import io.github.chatcluster.schema.LongTransaction;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.report.Figures;

/** Sessions a client opened before a fault, and what their next query meets (network_faults.feature). */
public class OpenSessionSteps {

    private final ScenarioContext context;
    /** Sessions opened before the fault, closed when the scenario ends. */
    private final List<PooledClient> sessions = new ArrayList<>();
    private java.util.concurrent.CompletableFuture<PooledClient.Outcome> nextQuery;
    /** A transaction left open across a fault, ended (by its own length, at most) when the scenario ends. */
    private LongTransaction openTransaction;
    /** The worker the transaction wrote to. */
    private Endpoint openOn;

    public OpenSessionSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Given("a client holds a session on {node} with a socket timeout of {int} seconds")
    public void aClientHoldsASession(Node node, int seconds) throws SQLException {
        PooledClient session = PooledClient.open(cluster().endpoint(node.name()), Duration.ofSeconds(seconds));
        sessions.add(session);
        assertThat(session.readEverything().committed()).as("a first query on the session").isTrue();
    }

    /**
     * A write on the session makes coordinator-1 open, and keep for the session, a connection to each copy's worker and
     * one to coordinator-2 (the first worker, where Citus takes the write's lock).
     */
    @Given("a client holds a session on {node} and has sent a message through it")
    public void aClientHoldsASessionAndHasWritten(Node node) throws SQLException {
        PooledClient session = PooledClient.open(cluster().endpoint(node.name()));
        sessions.add(session);
        WriteAttempt first = messageOn(session);
        assertThat(first.acknowledged()).as("a first message on the session: %s", first).isTrue();
    }

    @When("the client sends another message on that session")
    public void theClientSendsAnotherMessage() {
        assertThat(sessions).as("a session opened before the fault").isNotEmpty();
        context.attempted(List.of(messageOn(sessions.get(0))));
    }

    private WriteAttempt messageOn(PooledClient session) {
        long room = context.rooms().get(0);
        return WriteAttempt.message(session, room, context.acks().membersOf(room).get(0), context.acks());
    }

    @When("the client sends its next query on that session")
    public void theClientSendsItsNextQuery() {
        assertThat(sessions).as("a session opened before the fault").isNotEmpty();
        nextQuery = sessions.get(0).readEverythingInTheBackground();
    }

    /** Timed from the fault: the query was sent as the fault began, and the sentence counts from the fault. */
    @Then("the session on {node} learns that its coordinator is gone within {int} seconds of the fault")
    public void theSessionLearns(Node node, int seconds) throws Exception {
        assertThat(nextQuery).as("the session's next query, sent after the fault").isNotNull();
        PooledClient.Outcome next;
        try {
            next = nextQuery.get(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the session's next query on " + node + " had no outcome " + (seconds + 30)
                    + " s after it was sent, after " + context.timeline().fault());
        }
        Duration sinceFault = Duration.between(context.timeline().faultInjectedAt(), next.ended());
        context.report("the session's next query on " + node + ": " + next + (next.committed() ? "" : " (SQLSTATE "
                + next.sqlState() + ": " + Text.firstLine(next.error()) + ")") + String.format(Locale.ROOT,
                "; it ended %.1f s after the fault", sinceFault.toMillis() / 1000.0));
        Figures.record("network.open-session-learns-seconds." + Figures.key(context.timeline().fault()), Figures.seconds(sinceFault));
        assertThat(next.committed()).as("the session's next query on %s after %s", node, context.timeline().fault()).isFalse();
        assertThat(sinceFault).as("time from the fault until the session's query learned of it")
                .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @Given("a client on coordinator-1 and a client on coordinator-2 have each read every room, so that both coordinators hold connections to every worker")
    public void clientsOnBothCoordinatorsHaveReadEveryRoom() throws SQLException {
        for (Endpoint entry : List.of(cluster().coordinator1(), cluster().coordinator2())) {
            PooledClient session = PooledClient.open(entry);
            sessions.add(session);
            PooledClient.Outcome read = session.readEverything();
            assertThat(read.committed()).as("reading every room through a session on %s: %s", entry, read).isTrue();
        }
    }

    @Then("each of those clients reads every acknowledged room again within {int} seconds")
    public void eachClientReadsAgain(int seconds) {
        for (PooledClient session : sessions) {
            PooledClient.Outcome read = session.readAcknowledged(context.acks());
            context.report("the session on " + session.entry() + " read every acknowledged write: " + read);
            Figures.record("network.pooled-read-seconds." + Figures.key(context.timeline().fault()) + ".on-" + session.entry().name(), Figures.seconds(read.took()));
            if (!read.committed()) {
                throw new AssertionError(String.format(Locale.ROOT, "The session on %s, which held connections to every worker,"
                        + " could not read the acknowledged writes after %s: after %.1f s, %s (SQLSTATE %s). Nothing in the cluster"
                        + " ended the coordinator's wait on its open connection to the dead worker (TCP keepalives and a TCP user"
                        + " timeout towards the workers would), so the client's own socket timeout did, after %d s allowed.",
                        session.entry(), context.timeline().fault(), read.took().toMillis() / 1000.0, Text.firstLine(read.error()), read.sqlState(), seconds));
            }
            NetworkChecks.assertWithin(context, read, seconds, "reading every acknowledged write on the session on " + session.entry());
        }
    }

    @When("each of those clients sends a new message to a room with a copy on {node}")
    public void eachClientSendsAMessage(Node worker) {
        DataPlacement.RoomPlacement room = NetworkChecks.roomsWithACopyOn(context, worker.name(), true).get(0);
        long sender = context.acks().membersOf(room.roomId()).get(0);
        context.attempted(sessions.stream().map(session -> WriteAttempt.message(session, room.roomId(), sender, context.acks())).toList());
    }

    @Then("each of those messages is refused within {int} seconds")
    public void eachMessageIsRefused(int seconds) {
        assertThat(context.attempts()).as("the messages the clients sent").hasSameSizeAs(sessions).isNotEmpty();
        for (WriteAttempt write : context.attempts()) {
            Figures.record("network.pooled-refused-write-seconds." + Figures.key(context.timeline().fault()) + ".on-" + write.entry().name(),
                    Figures.seconds(write.took()));
            assertThat(write.acknowledged()).as("%s, after %s", write, context.timeline().fault()).isFalse();
            assertThat(write.outcome()).as("what the client can conclude from: %s", write).isEqualTo(WriteOutcome.REFUSED);
            assertThat(write.took()).as("how long the session on %s waited for the refusal", write.entry())
                    .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
        }
        ChatInspection reader = ChatInspection.through(cluster().coordinator2());
        for (WriteAttempt write : context.attempts()) {
            assertThat(reader.copiesOfMessage(write.roomId(), write.clientId())).as("copies of the refused %s", write).isZero();
        }
    }

    @Given("a transaction through {entryPoint} has written a message to a room with a copy on {node} and stays open for {int} seconds")
    public void aTransactionStaysOpen(Endpoint entry, Node worker, int seconds) {
        long room = NetworkChecks.roomsWithACopyOn(context, worker.name(), true).get(0).roomId();
        openTransaction = LongTransaction.open(entry, LongTransaction.Kind.WRITES, room, Duration.ofSeconds(seconds));
        openOn = cluster().endpoint(worker.name());
        var held = OpenTransactions.await(openOn, openTransaction.globalPid(), true, Duration.ofSeconds(10));
        if (!held.done()) {
            throw new AssertionError("the transaction through " + entry + " (gpid " + openTransaction.globalPid() + ") wrote to room "
                    + room + ", but " + worker + " showed no session of it idle in transaction within 10 s: nothing to lose in a cut");
        }
        context.report("a transaction through " + entry + " (gpid " + openTransaction.globalPid() + ") holds its write to room " + room
                + " on " + worker + " (session " + held.last().get() + ") until " + openTransaction.endsAt());
    }

    /** Timed from the heal, as the sentence says; the look begins right away and only reads. */
    @Then("within {int} seconds of the heal, {node} no longer holds that transaction")
    public void theWorkerNoLongerHoldsIt(int seconds, Node node) {
        java.time.Instant healed = context.timeline().backAt();
        assertThat(healed).as("when the network healed").isNotNull();
        assertThat(openTransaction).as("the transaction held open across the fault").isNotNull();
        assertThat(node.name()).as("the worker that held the transaction").isEqualTo(openOn.name());
        // the first look, right after the heal, tells whether the worker had ended it during the cut already
        boolean endedDuringTheCut = OpenTransactions.heldFor(openOn, openTransaction.globalPid()).isEmpty();
        Duration left = Duration.between(java.time.Instant.now(), healed.plusSeconds(seconds));
        var look = OpenTransactions.await(openOn, openTransaction.globalPid(), false, left.isNegative() ? Duration.ZERO : left);
        Duration afterHeal = Duration.between(healed, java.time.Instant.now());
        if (!look.done()) {
            throw new AssertionError(String.format(Locale.ROOT, "%d s after %s healed, %s still held the transaction of gpid %d,"
                    + " with its locks: session %s. Nothing ended the worker's side of a transaction whose coordinator gave up its"
                    + " connection during the cut (TCP keepalives on the worker's own sockets would: their probe meets the"
                    + " coordinator's reset, or no answer).", seconds, context.timeline().fault(), node, openTransaction.globalPid(),
                    look.last() == null ? "?" : look.last().orElse("?")));
        }
        context.report(endedDuringTheCut ? node + " no longer held the transaction at the first look after the heal: it had ended during the cut"
                : String.format(Locale.ROOT, "%s ended the transaction %.1f s after the heal", node, afterHeal.toMillis() / 1000.0));
        Figures.record("network.lost-transaction-held-after-heal-seconds." + Figures.key(context.timeline().fault()),
                endedDuringTheCut ? "0 (ended during the cut)" : Figures.seconds(afterHeal));
        assertThat(afterHeal).as("time from the heal until %s no longer held the transaction", node)
                .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @After
    public void closeSessions() {
        try {
            sessions.forEach(PooledClient::close);
        } finally {
            if (openTransaction != null) {
                openTransaction.close();
            }
        }
    }

}
