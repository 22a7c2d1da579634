package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.ChatWriter;
import io.github.chatcluster.app.FailoverClock;
import io.github.chatcluster.app.NewClients;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.LoadBalancerRouting;
import io.github.chatcluster.cluster.faults.FailureKind;
import io.github.chatcluster.report.FailoverVerdict;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.EveryOneServed;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** Where new clients go when a coordinator fails, and how long until they are served again (the failover claims). */
public class FailoverSteps {

    private final ScenarioContext context;
    private NewClients newClients;
    private final List<FailoverClock.Recovery> failoverTrials = new ArrayList<>();
    private FailoverClock.Outage writeOutage;

    public FailoverSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Given("{int} rooms with {int} members and {int} messages each have been written through {entryPoint}")
    public void roomsHaveBeenWritten(int count, int members, int messages, Endpoint entry) {
        assertThat(members).isEqualTo(ChatApplication.MEMBERS_PER_ROOM);
        context.rooms().addAll(ChatWriter.writeRooms(entry, context.acks(), count, messages, 4));
        assertThat(context.rooms()).as("rooms written").hasSize(count);
    }

    @When("{node} is {failureKind}")
    public void nodeFails(Node node, FailureKind how) {
        Faults.inject(context, node.name(), how);
    }

    @When("{node} is started again")
    public void nodeIsStartedAgain(Node node) {
        cluster().faults().start(node.name());
        context.timeline().backAt(Instant.now());
    }

    @When("{node} is started again and has recovered its two-phase commits")
    public void coordinatorIsStartedAgainAndRecovers(Node node) {
        cluster().faults().start(node.name());
        context.timeline().backAt(Instant.now());
        int recovered = ClusterOperations.forRepairs(cluster().endpoint(node.name())).recoverTwoPhaseCommits();
        context.report(node + " recovered " + recovered + " two-phase commits");
    }

    @Given("the load balancer has both coordinators in its rotation")
    public void theLoadBalancerHasBothCoordinators() {
        context.report(routing().ensureBothCoordinators());
    }

    @When("{node} refuses new connections")
    public void nodeRefusesNewConnections(Node node) {
        context.timeline().faultInjectedAt(Instant.now());
        cluster().packetFaults().refuseConnections(node.name());
        context.timeline().fault(FaultInForce.on(node.name(), "refuses new connections"));
    }

    @When("{node} accepts connections again")
    public void nodeAcceptsConnectionsAgain(Node node) {
        context.report("faults ended: " + cluster().packetFaults().healAll());
        context.timeline().backAt(Instant.now());
    }

    @When("{int} new clients connect through the load balancer, one after another")
    public void newClientsConnectOneAfterAnother(int count) {
        newClients = NewClients.oneAfterAnother(cluster().loadBalancer(), count, Duration.ofSeconds(5), 3);
        context.report("new clients through the load balancer while " + context.timeline().fault() + ":" + newClients);
    }

    @Then("all of them landed on {node}, with at most {int} failed connection attempt(s) among them")
    public void allLandedOn(Node coordinator, int allowedFailures) {
        long failed = newClients.failedAttempts();
        if (failed > allowedFailures) {
            var first = newClients.outcomes().stream().filter(o -> !o.failedAttempts().isEmpty()).findFirst().orElseThrow();
            throw new AssertionError(String.format(java.util.Locale.ROOT, "%d connection attempt(s) through the load balancer failed while %s"
                    + " (at most %d allowed), the first with: %s%nThe load balancer gave the client up instead of trying %s"
                    + " after its connection to the failed coordinator failed.%s", failed, context.timeline().fault(), allowedFailures,
                    first.failedAttempts().get(0), coordinator, newClients));
        }
        assertThat(newClients.landedOn()).as("where the %d clients finally landed:%s", newClients.count(), newClients)
                .hasSize(newClients.count()).containsOnly(coordinator.name());
    }

    @Then("none of them waited longer than {int} seconds for its connection")
    public void noneOfThemWaitedLongerThan(int seconds) {
        Duration slowest = slowestOfTheNewClients();
        Figures.record("failover.slowest-new-client-seconds." + Figures.key(context.timeline().fault()), Figures.seconds(slowest));
        if (slowest.compareTo(Duration.ofSeconds(seconds)) > 0) {
            throw new AssertionError(String.format(java.util.Locale.ROOT, "The slowest new client through the load balancer waited %.1f s for its"
                    + " connection while %s, more than the %d s allowed:%s", slowest.toMillis() / 1000.0, context.timeline().fault(), seconds, newClients));
        }
    }

    private Duration slowestOfTheNewClients() {
        assertThat(newClients).as("new clients tried through the load balancer in this scenario").isNotNull();
        return newClients.slowest();
    }

    @Then("new clients through the load balancer reach {node} again within {int} seconds")
    public void newClientsReachAgain(Node coordinator, int seconds) {
        assertThat(context.timeline().backAt()).as("when %s came back", coordinator).isNotNull();
        LoadBalancerRouting.Return back = routing().awaitReturnOf(coordinator.name(), context.timeline().backAt(), Duration.ofSeconds(seconds));
        context.report("after " + coordinator + " came back: " + back);
        if (!back.returned()) {
            throw new AssertionError(coordinator + " has been back for " + seconds + " s, but the load balancer sent "
                    + "every new client of that time elsewhere (" + back + "): it keeps a coordinator that came back"
                    + " out of its rotation for longer than " + seconds + " s.");
        }
        Figures.record("failover.return-seconds." + Figures.key(context.timeline().fault()),
                String.format(java.util.Locale.ROOT, "%.1f", back.after().toMillis() / 1000.0));
    }

    private LoadBalancerRouting routing() {
        return new LoadBalancerRouting(cluster());
    }

    @Then("a read through the load balancer succeeds within {int} seconds of the fault")
    public void aReadSucceedsWithin(int seconds) {
        FailoverClock.Outage outage = FailoverClock.untilReadSucceeds(cluster().loadBalancer(), context.timeline().faultInjectedAt());
        judgeOutage("read", outage, seconds);
    }

    @When("a client tries a new room through the load balancer, again and again, until one is stored")
    public void aClientTriesUntilARoomIsStored() {
        writeOutage = FailoverClock.untilWriteSucceeds(cluster().loadBalancer(), context.timeline().faultInjectedAt());
    }

    @Then("the first room was stored within {int} seconds of the fault")
    public void theFirstRoomWasStoredWithin(int seconds) {
        assertThat(writeOutage).as("the client's attempts in the step before").isNotNull();
        judgeOutage("write", writeOutage, seconds);
    }

    private void judgeOutage(String operation, FailoverClock.Outage outage, int seconds) {
        context.report(String.format(java.util.Locale.ROOT, "first successful %s through the load balancer %.2f s after the fault "
                + "(%d failed attempts before; last error: %s)", operation, outage.seconds(), outage.failedAttempts(),
                outage.lastError()));
        assertThat(outage.duration()).as("time from the fault to a %s through the load balancer", operation)
                .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @When("{int} new clients connect through the load balancer, each with a login timeout of {int} seconds")
    public void newClientsConnectWithALoginTimeout(int count, int timeout) {
        newClients = NewClients.connect(cluster().loadBalancer(), count, Duration.ofSeconds(timeout));
        context.report("new clients through the load balancer: " + newClients);
    }

    @Then("at least {int} of them got no answer, and every other landed on {node}")
    public void atLeastGotNoAnswer(int atLeast, Node coordinator) {
        assertThat(newClients.refused()).as("clients that were refused (not left without an answer):%s", newClients).isZero();
        assertThat(newClients.unanswered()).as("clients that got no answer within their login timeout").isGreaterThanOrEqualTo(atLeast);
        assertThat(newClients.landedOn()).as("where the other clients landed").containsOnly(coordinator.name());
    }

    /** Judged from the clients of the step before: held when every one of them got a session (no answer, or a refusal, is none). */
    @Then("the demo's claim of {string} {statedVerdict} for a hung coordinator, judged by whether every new client through the load balancer got a session")
    public void theClaimForAHungCoordinator(String words, Verdict stated) {
        assertThat(newClients).as("new clients tried through the load balancer in this scenario").isNotNull();
        var j = EveryOneServed.judge("new clients through the load balancer given a session within their login timeout",
                (int) (newClients.count() - newClients.unanswered() - newClients.refused()), newClients.count());
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "with " + context.timeline().fault() + ": " + j.why()
                + (newClients.unanswered() == 0 ? "" : "; the load balancer still sent them to it"));
    }

    @When("coordinator-1 is stopped and started again {int} times, measuring each time how long until each of {int} clients writes through the load balancer again")
    public void failoverTrials(int trials, int clients) {
        for (int i = 0; i < trials; i++) {
            cluster().awaitLoadBalancerRoutesTo(ChatCluster.COORDINATOR_1);
            nodeFails(Node.COORDINATOR_1, FailureKind.STOPPED_CLEANLY);
            failoverTrials.add(FailoverClock.untilEveryClientWrites(cluster().loadBalancer(), context.timeline().faultInjectedAt(), clients));
            coordinatorIsStartedAgainAndRecovers(Node.COORDINATOR_1);
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
    }

    @Then("the demo's claim of {string} {statedVerdict} for a stopped coordinator, judged by the slowest client of the worst trial")
    public void theClaimForAStoppedCoordinator(String words, Verdict stated) {
        assertThat(failoverTrials).as("failover trials").isNotEmpty();
        List<Duration> every = failoverTrials.stream().map(FailoverClock.Recovery::every).toList();
        FailoverVerdict.Judgement judgement = FailoverVerdict.judge(every);
        context.claimAsStated(SeedClaim.withWords(words), stated, Verdict.of(judgement.held()), String.format(java.util.Locale.ROOT,
                "coordinator-1 stopped %d times; in each, every client wrote again through the load balancer, the slowest after %s s"
                        + " (%d failed attempts in all: the clients try again); %s", every.size(),
                every.stream().map(d -> String.format(java.util.Locale.ROOT, "%.2f", d.toMillis() / 1000.0)).toList(),
                failoverTrials.stream().mapToInt(FailoverClock.Recovery::failedAttempts).sum(), judgement.why()));
    }
}
