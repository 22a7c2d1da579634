package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.app.ChatWriter;
import io.github.chatcluster.app.FailoverClock;
import io.github.chatcluster.app.InFlightWrite;
import io.github.chatcluster.app.NewClients;
import io.github.chatcluster.app.PooledClient;
import io.github.chatcluster.app.WriteLoad;
import io.github.chatcluster.catalog.ClusterOperator;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.FailureKind;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.LoadBalancerRouting;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;

public class FailoverSteps {

    private final ScenarioContext context;
    private InFlightWrite inFlight;
    /** The first line of the error of a write a coordinator refused in this scenario. */
    private String refusedWrite;
    private NewClients newClients;
    private PooledClient pooledClient;
    private final List<FailoverClock.Recovery> failoverTrials = new ArrayList<>();

    public FailoverSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Given("{int} rooms with {int} members and {int} messages each have been written through {entryPoint}")
    public void roomsHaveBeenWritten(int count, int members, int messages, Endpoint entry) {
        assertThat(members).isEqualTo(ChatApplication.MEMBERS_PER_ROOM);
        ChatWriter writer = ChatWriter.withoutRetries(entry, context.acks());
        try {
            for (int i = 0; i < count; i++) {
                context.rooms().add(writer.writeRoom(messages));
            }
        } finally {
            writer.close();
        }
    }

    @When("{node} is {failureKind}")
    public void nodeFails(String node, FailureKind how) {
        context.timeline().faultInjectedAt(Faults.inject(cluster(), node, how));
        context.timeline().fault(node + " " + how);
    }

    @When("{node} is started again")
    public void nodeIsStartedAgain(String node) {
        cluster().faults().start(node);
        context.timeline().backAt(Instant.now());
    }

    @When("{node} is started again and has recovered its two-phase commits")
    public void coordinatorIsStartedAgainAndRecovers(String node) {
        cluster().faults().start(node);
        context.timeline().backAt(Instant.now());
        int recovered = ClusterOperator.recoverTwoPhaseCommits(cluster().endpoint(node));
        context.report(node + " recovered " + recovered + " two-phase commits");
    }

    @Given("the load balancer has both coordinators in its rotation")
    public void theLoadBalancerHasBothCoordinators() {
        context.report(routing().ensureBothCoordinators());
    }

    @When("{node} refuses new connections")
    public void nodeRefusesNewConnections(String node) {
        context.timeline().faultInjectedAt(Instant.now());
        cluster().packetFaults().refuseConnections(node);
        context.timeline().fault(node + " refuses new connections");
    }

    @When("{node} accepts connections again")
    public void nodeAcceptsConnectionsAgain(String node) {
        context.report("faults ended: " + cluster().packetFaults().healAll());
        context.timeline().backAt(Instant.now());
    }

    @Then("{int} new clients through the load balancer, one after another, all land on {node} with at most {int} failed connection attempt(s) among them")
    public void newClientsOneAfterAnother(int count, String coordinator, int allowedFailures) {
        NewClients clients = NewClients.oneAfterAnother(cluster().loadBalancer(), count, Duration.ofSeconds(5), 3);
        newClients = clients;
        context.report("new clients through the load balancer while " + context.timeline().fault() + ":" + clients);
        long failed = clients.outcomes().stream().mapToLong(o -> o.failedAttempts().size()).sum();
        if (failed > allowedFailures) {
            var first = clients.outcomes().stream().filter(o -> !o.failedAttempts().isEmpty()).findFirst().orElseThrow();
            throw new AssertionError(String.format("%d connection attempt(s) through the load balancer failed while %s"
                    + " (at most %d allowed), the first with: %s%nThe load balancer gave the client up instead of trying %s"
                    + " after its connection to the failed coordinator failed.%s", failed, context.timeline().fault(), allowedFailures,
                    first.failedAttempts().get(0), coordinator, clients));
        }
        assertThat(clients.landedOn()).as("where the %d clients finally landed:%s", count, clients).hasSize(count).containsOnly(coordinator);
    }

    @Then("none of those clients waited longer than {int} seconds for its connection")
    public void noneOfThoseClientsWaitedLongerThan(int seconds) {
        Duration slowest = slowestOfTheNewClients();
        Figures.record("failover.slowest-new-client-seconds." + context.timeline().fault().replaceAll("[^A-Za-z0-9-]+", "-"),
                String.format(java.util.Locale.ROOT, "%.2f", slowest.toMillis() / 1000.0));
        if (slowest.compareTo(Duration.ofSeconds(seconds)) > 0) {
            throw new AssertionError(String.format("The slowest new client through the load balancer waited %.1f s for its"
                    + " connection while %s, more than the %d s allowed:%s", slowest.toMillis() / 1000.0, context.timeline().fault(), seconds, newClients));
        }
    }

    @Then("so the demo's claim of {string} is judged by the slowest of those clients")
    public void soTheClaimIsJudgedByTheSlowestClient(String words) {
        Duration slowest = slowestOfTheNewClients();
        context.claim(SeedClaim.withWords(words), slowest.compareTo(Duration.ofSeconds(5)) < 0, String.format(
                "%s: the slowest of %d new clients through the load balancer had its connection after %.2f s (%d failed attempts among them)",
                context.timeline().fault(), newClients.count(), slowest.toMillis() / 1000.0,
                newClients.outcomes().stream().mapToLong(o -> o.failedAttempts().size()).sum()));
    }

    private Duration slowestOfTheNewClients() {
        assertThat(newClients).as("new clients tried through the load balancer in this scenario").isNotNull();
        return newClients.outcomes().stream().map(NewClients.Outcome::took).max(Comparator.naturalOrder()).orElseThrow();
    }

    @Then("new clients through the load balancer reach {node} again within {int} seconds")
    public void newClientsReachAgain(String coordinator, int seconds) {
        assertThat(context.timeline().backAt()).as("when %s came back", coordinator).isNotNull();
        LoadBalancerRouting.Return back = routing().awaitReturnOf(coordinator, context.timeline().backAt(), Duration.ofSeconds(seconds));
        context.report("after " + coordinator + " came back: " + back);
        if (!back.returned()) {
            throw new AssertionError(coordinator + " has been back for " + seconds + " s, but the load balancer sent "
                    + "every new client of that time elsewhere (" + back + "): it keeps a coordinator that came back"
                    + " out of its rotation for longer than " + seconds + " s.");
        }
        Figures.record("failover.return-seconds." + context.timeline().fault().replace(' ', '-'),
                String.format(java.util.Locale.ROOT, "%.1f", back.after().toMillis() / 1000.0));
    }

    private LoadBalancerRouting routing() {
        return new LoadBalancerRouting(cluster());
    }

    @Then("a {word} through the load balancer succeeds within {int} seconds of the fault")
    public void anOperationSucceedsWithin(String operation, int seconds) {
        FailoverClock.Outage outage = switch (operation) {
            case "write" -> FailoverClock.untilWriteSucceeds(cluster().loadBalancer(), context.timeline().faultInjectedAt());
            case "read" -> FailoverClock.untilReadSucceeds(cluster().loadBalancer(), context.timeline().faultInjectedAt());
            default -> throw new IllegalArgumentException("neither a read nor a write: " + operation);
        };
        context.report(String.format("first successful %s through the load balancer %.2f s after the fault "
                + "(%d failed attempts before; last error: %s)", operation, outage.seconds(), outage.failedAttempts(),
                outage.lastError()));
        assertThat(outage.duration()).as("time from the fault to a %s through the load balancer", operation)
                .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @Then("of {int} new clients through the load balancer, each with a login timeout of {int} seconds, at least {int} get no answer and every other lands on {node}")
    public void newClientsThroughTheLoadBalancer(int count, int timeout, int atLeast, String coordinator) {
        newClients = NewClients.connect(cluster().loadBalancer(), count, Duration.ofSeconds(timeout));
        context.report("new clients through the load balancer: " + newClients);
        assertThat(newClients.refused()).as("clients that were refused (not left without an answer):%s", newClients).isZero();
        assertThat(newClients.unanswered()).as("clients that got no answer within their login timeout").isGreaterThanOrEqualTo(atLeast);
        assertThat(newClients.landedOn()).as("where the other clients landed").containsOnly(coordinator);
    }

    @Then("so the demo's claim of {string} does not hold for a hung coordinator")
    public void soTheClaimDoesNotHoldForAHungCoordinator(String words) {
        assertThat(newClients).as("new clients tried through the load balancer in this scenario").isNotNull();
        assertThat(newClients.unanswered()).as("clients that got no answer").isPositive();
        context.claim(SeedClaim.withWords(words), false, String.format("with %s, the load balancer still sent %d of %d"
                + " new clients to it, and they got no answer within their login timeout", context.timeline().fault(),
                newClients.unanswered(), newClients.count()));
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
        var error = catchThrowableOfType(ChatApplication.ChatDatabaseException.class,
                () -> ChatApplication.through(entry).changeSchema());
        assertThat(error).as("a schema change through %s", entry).isNotNull();
        assertThat(error.outcome()).as("what the client can conclude from: %s", error.getMessage()).isEqualTo(WriteOutcome.REFUSED);
        context.report("schema change through " + entry + " refused: " + error.getMessage());
        assertThat(error).hasMessageContaining(message);
    }

    @Then("a schema change through {entryPoint} fails")
    public void aSchemaChangeFails(Endpoint entry) {
        var error = catchThrowableOfType(ChatApplication.ChatDatabaseException.class,
                () -> ChatApplication.through(entry).changeSchema());
        assertThat(error).as("a schema change through %s", entry).isNotNull();
        assertThat(error.outcome()).as("what the client can conclude from: %s", error.getMessage()).isEqualTo(WriteOutcome.REFUSED);
        context.report("schema change through " + entry + " failed: " + error.getMessage());
    }

    @Then("a schema change through {entryPoint} succeeds again")
    public void aSchemaChangeSucceeds(Endpoint entry) {
        ChatApplication.through(entry).changeSchema();
    }

    @Then("coordinator-1 still reads every acknowledged write")
    public void coordinator1StillReads() {
        AcknowledgedWrites.assertAllReadOnceThrough(context.acks(), cluster().coordinator1());
    }

    @Then("a write through {entryPoint} fails with {string}")
    public void aWriteFailsWith(Endpoint entry, String message) {
        var error = catchThrowableOfType(ChatApplication.ChatDatabaseException.class,
                () -> ChatApplication.through(entry).createRoom(ChatWriter.newRoomId(), "must fail"));
        assertThat(error).as("a write through %s", entry).isNotNull();
        assertThat(error.outcome()).as("what the client can conclude from: %s", error.getMessage()).isEqualTo(WriteOutcome.REFUSED);
        context.report("write through " + entry + " failed: " + error.getMessage());
        assertThat(error).hasMessageContaining(message);
        refusedWrite = entry + " refused a new room with: " + error.getMessage().lines().findFirst().orElse("");
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

    @Then("a write through a new session on {entryPoint} fails within {int} seconds with {string}")
    public void aWriteThroughANewSessionFailsWithin(Endpoint entry, int seconds, String message) {
        Instant start = Instant.now();
        aWriteFailsWith(entry, message);
        Duration took = Duration.between(start, Instant.now());
        context.report(String.format("the write through a new session on %s failed after %.1f s", entry, took.toMillis() / 1000.0));
        assertThat(took).as("time until the write failed").isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @Then("so the demo's claim of {string} does not hold while {node} is down/hung")
    public void soTheClaimDoesNotHold(String words, String node) {
        assertThat(refusedWrite).as("a write refused in this scenario while " + node + " was down").isNotNull();
        SeedClaim claim = SeedClaim.withWords(words);
        context.claim(claim, false, "with " + context.timeline().fault() + ", " + refusedWrite);
    }

    @Given("a client connected through the load balancer to coordinator-1, in the middle of writing a message")
    public void aClientInTheMiddleOfWriting() throws SQLException {
        long room = context.rooms().get(0);
        long sender = ChatApplication.through(cluster().coordinator1()).members(room).get(0);
        // After an earlier outage nginx skips coordinator-1 for its fail_timeout (10 s): wait until it routes there again.
        cluster().awaitLoadBalancerRoutesTo(ChatCluster.COORDINATOR_1);
        inFlight = InFlightWrite.begin(cluster().loadBalancer(), ChatCluster.COORDINATOR_1, room, sender);
    }

    @Then("the client's connection breaks during COMMIT with SQLSTATE {sqlStates}, so it cannot know whether its write happened")
    public void theConnectionBreaksWith(List<String> sqlStates) {
        InFlightWrite.Commit commit = inFlight.commit();
        context.report("the client's COMMIT: " + commit);
        assertThat(commit.acknowledged()).as("the COMMIT on the failed coordinator was acknowledged").isFalse();
        assertThat(commit.error().getSQLState()).as("SQLSTATE of: %s", commit).isIn(sqlStates);
        assertThat(commit.outcome()).as("what the client can conclude from: %s", commit).isEqualTo(WriteOutcome.UNKNOWN);
        context.acks().unknownOutcome();
    }

    @When("the client reconnects through the load balancer and writes its message again with the same id")
    public void theClientResolves() {
        boolean wasStored = inFlight.resolveThrough(cluster().loadBalancer(), context.acks(), Duration.ofSeconds(15));
        context.acks().unknownResolved(wasStored);
        context.report("the message written again " + (wasStored ? "met the first one: it had been stored" : "was stored now: the first had not been"));
    }

    @Then("the message is stored exactly once")
    public void theMessageIsStoredExactlyOnce() {
        for (Endpoint entry : List.of(cluster().coordinator2(), cluster().loadBalancer())) {
            assertThat(ChatApplication.through(entry).copiesOfMessage(inFlight.roomId(), inFlight.clientId()))
                    .as("copies of the in-doubt message through %s", entry).isEqualTo(1);
        }
    }

    @When("{int} clients write through the load balancer for {int} seconds, reconnecting and retrying with the same ids for up to {int} seconds after an error, while coordinator-1 is killed after {int} seconds")
    public void aWriteStorm(int clients, int seconds, int retrySeconds, int killAfter) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            scheduler.schedule(() -> nodeFails(ChatCluster.COORDINATOR_1, FailureKind.KILLED), killAfter, TimeUnit.SECONDS);
            WriteLoad.Throughput storm = new WriteLoad(context.acks()).messagesFor(Map.of(cluster().loadBalancer(), clients),
                    Duration.ofSeconds(seconds), Duration.ofSeconds(retrySeconds));
            context.report(String.format("%d messages acknowledged (%.0f/s), %d still in doubt after retrying, %d failed%s",
                    storm.writes(), storm.perSecond(), storm.inDoubt(), storm.failures(),
                    storm.firstFailure() == null ? "" : "; the first failure: " + storm.firstFailure()));
            assertThat(storm.failures()).as("writes the database refused (they did not happen), after retries").isZero();
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(context.timeline().faultInjectedAt()).as("coordinator-1 was killed during the storm").isNotNull();
    }

    @When("the clients write every write still in doubt again, with the same id, through the load balancer")
    public void theClientsResolveInDoubtWrites() {
        int inDoubt = context.acks().inDoubtMessages();
        int wereStored = context.acks().resolveInDoubt(cluster().loadBalancer(), Duration.ofSeconds(30));
        context.report(inDoubt + " messages were still in doubt; " + wereStored + " of them had been stored, the others were written again");
        assertThat(context.acks().inDoubtMessages()).as("messages still in doubt").isZero();
    }

    @Then("every write the clients saw acknowledged is stored exactly once")
    public void everyAcknowledgedWriteIsStoredOnce() {
        for (Endpoint entry : List.of(cluster().coordinator2(), cluster().loadBalancer())) {
            AcknowledgedWrites.assertAllReadOnceThrough(context.acks(), entry);
        }
        assertThat(ChatApplication.through(cluster().coordinator2()).duplicateMessages()).isEmpty();
    }

    @Then("the report shows how many writes had an unknown outcome and how they were resolved")
    public void theReportShowsUnknownOutcomes() {
        context.report(context.acks().summary());
        assertThat(context.acks().messages()).as("messages acknowledged during the storm").isPositive();
    }

    @When("coordinator-1 is stopped and started again {int} times, measuring each time how long until each of {int} clients writes through the load balancer again")
    public void failoverTrials(int trials, int clients) {
        for (int i = 0; i < trials; i++) {
            cluster().awaitLoadBalancerRoutesTo(ChatCluster.COORDINATOR_1);
            nodeFails(ChatCluster.COORDINATOR_1, FailureKind.STOPPED_CLEANLY);
            failoverTrials.add(FailoverClock.untilEveryClientWrites(cluster().loadBalancer(), context.timeline().faultInjectedAt(), clients));
            coordinatorIsStartedAgainAndRecovers(ChatCluster.COORDINATOR_1);
        }
    }

    @Then("the report shows, for each trial, when the first and when the last client wrote again")
    public void theReportShowsFailoverTimes() {
        assertThat(failoverTrials).as("failover trials").isNotEmpty();
        for (int i = 0; i < failoverTrials.size(); i++) {
            context.report("trial " + (i + 1) + " (clock started before the stop of coordinator-1): " + failoverTrials.get(i));
        }
        List<Duration> every = failoverTrials.stream().map(FailoverClock.Recovery::every).sorted().toList();
        Duration median = every.get(every.size() / 2);
        Duration worst = every.get(every.size() - 1);
        Figures.record("failover.every-client-median-seconds", String.format(java.util.Locale.ROOT, "%.2f", median.toMillis() / 1000.0));
        Figures.record("failover.every-client-max-seconds", String.format(java.util.Locale.ROOT, "%.2f", worst.toMillis() / 1000.0));
        Figures.record("failover.first-client-max-seconds", String.format(java.util.Locale.ROOT, "%.2f",
                failoverTrials.stream().map(FailoverClock.Recovery::first).max(Comparator.naturalOrder()).orElseThrow().toMillis() / 1000.0));
        Figures.record("failover.failed-attempts", String.valueOf(failoverTrials.stream().mapToInt(FailoverClock.Recovery::failedAttempts).sum()));
        context.claim(SeedClaim.FAILOVER_UNDER_5_SECONDS, worst.compareTo(Duration.ofSeconds(5)) < 0, String.format(java.util.Locale.ROOT,
                "coordinator-1 stopped: the slowest client wrote again through the load balancer %.2f s after the stop began"
                        + " (median over %d trials %.2f s; %d failed attempts in all)", worst.toMillis() / 1000.0, every.size(),
                median.toMillis() / 1000.0, failoverTrials.stream().mapToInt(FailoverClock.Recovery::failedAttempts).sum()));
    }

    @Then("in every trial, every client wrote again within {int} seconds, so the demo's claim holds for a stopped coordinator")
    public void everyClientWroteAgainWithin(int seconds) {
        assertThat(failoverTrials).allSatisfy(trial -> assertThat(trial.every())
                .as("the slowest client of a trial: %s", trial).isLessThan(Duration.ofSeconds(seconds)));
    }

    @After
    public void closeTheClients() {
        if (inFlight != null) {
            inFlight.close();
        }
        if (pooledClient != null) {
            pooledClient.close();
        }
    }
}
