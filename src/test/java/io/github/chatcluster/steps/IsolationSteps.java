package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.cucumber.java.After;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.cluster.faults.FailureKind;
import io.github.chatcluster.isolation.ListAppendWorkload;
import io.github.chatcluster.isolation.Isolation;
import io.github.chatcluster.isolation.ListAppendClient;
import io.github.chatcluster.waits.BoundedGet;
import io.github.chatcluster.waits.BoundedStop;

/**
 * The list-append workload of the isolation feature: clients through the entry points at their isolation levels, a
 * fault while they run, the final reads of every key. Its table is dropped when the scenario ends.
 */
public class IsolationSteps {

    private final ScenarioContext context;
    private final IsolationWork work;

    public IsolationSteps(ScenarioContext context, IsolationWork work) {
        this.context = context;
        this.work = work;
    }

    /** One client at each level through each of coordinator-1, coordinator-2 and the load balancer. */
    private List<ListAppendClient> sixClients() {
        ChatCluster cluster = context.cluster();
        List<ListAppendClient> clients = new ArrayList<>();
        for (Endpoint entry : cluster.entryPoints()) {
            for (Isolation level : Isolation.values()) {
                clients.add(ListAppendClient.at(entry, level));
            }
        }
        return clients;
    }

    @When("6 clients run list-append transactions for {int} seconds, one at read committed and one at repeatable read through each of coordinator-1, coordinator-2 and the load balancer")
    public void sixClientsRun(int seconds) {
        run(sixClients(), seconds);
    }

    @When("6 clients run list-append transactions for {int} seconds, one at read committed and one at repeatable read through each of coordinator-1, coordinator-2 and the load balancer, while {node} is {failureKind} after {int} seconds and brought back {int} seconds later")
    public void sixClientsRunThroughAFault(int seconds, Node node, FailureKind how, int after, int downFor) {
        runThrough(seconds, node + " " + how, after, downFor, () -> Faults.inject(context, node.name(), how));
    }

    @When("6 clients run list-append transactions for {int} seconds, one at read committed and one at repeatable read through each of coordinator-1, coordinator-2 and the load balancer, while the link between {node} and {node} is cut after {int} seconds and healed {int} seconds later")
    public void sixClientsRunThroughACutLink(int seconds, Node node, Node peer, int after, int downFor) {
        String words = "the link between " + node.name() + " and " + peer.name() + " cut";
        runThrough(seconds, words, after, downFor, () -> Faults.cutLink(context, node.name(), peer.name()));
    }

    /** The six clients run while a scheduler injects the fault after {@code after} seconds and heals it {@code downFor} later. */
    private void runThrough(int seconds, String fault, int after, int downFor, Runnable inject) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> injected = scheduler.schedule(inject, after, TimeUnit.SECONDS);
            ScheduledFuture<?> healed = scheduler.schedule(() -> {
                context.report("healed: " + context.cluster().faults().healAll());
                context.timeline().backAt(Instant.now());
            }, after + downFor, TimeUnit.SECONDS);
            run(sixClients(), seconds);
            BoundedGet.of(injected, Duration.ofSeconds(after + 30), fault);
            BoundedGet.of(healed, Duration.ofSeconds(after + downFor + 90), fault + ": healed");
        } finally {
            BoundedStop.after(scheduler, Duration.ofSeconds(5), Duration.ofSeconds(10), "the fault's scheduler");
        }
        assertThat(context.timeline().faultInjectedAt()).as("%s while the clients ran", fault).isNotNull();
        assertThat(context.timeline().backAt()).as("%s, then healed while the clients ran", fault).isNotNull();
    }

    @When("4 clients run list-append transactions for {int} seconds on the same {int} keys, one at read committed and one at repeatable read through each of coordinator-1 and coordinator-2")
    public void bothCoordinatorsOnTheSameKeys(int seconds, int keys) {
        ChatCluster cluster = context.cluster();
        List<ListAppendClient> clients = new ArrayList<>();
        for (Endpoint entry : List.of(cluster.coordinator1(), cluster.coordinator2())) {
            for (Isolation level : Isolation.values()) {
                clients.add(ListAppendClient.at(entry, level));
            }
        }
        run(clients, seconds, keys);
    }

    @When("6 clients run list-append transactions for {int} seconds, all at repeatable read, two through each of coordinator-1, coordinator-2 and the load balancer")
    public void sixClientsRunAtRepeatableRead(int seconds) {
        ChatCluster cluster = context.cluster();
        List<ListAppendClient> clients = new ArrayList<>();
        for (Endpoint entry : cluster.entryPoints()) {
            for (int n = 1; n <= 2; n++) {
                clients.add(ListAppendClient.at(entry, Isolation.REPEATABLE_READ, n));
            }
        }
        run(clients, seconds);
    }

    @When("one client runs list-append transactions through coordinator-1 at repeatable read for {int} seconds")
    public void oneClientRuns(int seconds) {
        run(List.of(ListAppendClient.at(context.cluster().coordinator1(), Isolation.REPEATABLE_READ)), seconds);
    }

    @When("a weakened client that commits after each operation runs list-append transactions through coordinator-1 for {int} seconds, beside a client at repeatable read through coordinator-2")
    public void aWeakenedClientRuns(int seconds) {
        ChatCluster cluster = context.cluster();
        run(List.of(ListAppendClient.weakened(cluster.coordinator1()), ListAppendClient.at(cluster.coordinator2(), Isolation.REPEATABLE_READ)), seconds);
    }

    private void run(List<ListAppendClient> clients, int seconds) {
        run(clients, seconds, ListAppendWorkload.ACTIVE_KEYS);
    }

    private void run(List<ListAppendClient> clients, int seconds, int keys) {
        work.workload = new ListAppendWorkload(context.cluster().coordinator1(), 1, keys);
        work.seed = new java.util.Random().nextLong();
        work.workload.run(clients, Duration.ofSeconds(seconds), work.seed);
        keepTheHistory();
        context.report(work.workload.history().size() + " transactions by " + clients.size() + " clients in " + seconds + " s on "
                + keys + " keys at a time (seed " + work.seed + "): " + work.workload.outcomes() + "; failed or unknown, by SQLSTATE: "
                + work.workload.failures());
    }

    @When("every key is read through coordinator-1 and through coordinator-2")
    public void everyKeyIsRead() {
        assertThat(work.workload).as("a workload run by this scenario").isNotNull();
        ChatCluster cluster = context.cluster();
        work.finalReads.addAll(work.workload.finalReads(List.of(cluster.coordinator1(), cluster.coordinator2())));
        keepTheHistory();
    }

    /** Writes the history as it is now (the clients', then with the final reads) to the scenario's file, for offline checking. */
    private void keepTheHistory() {
        io.github.chatcluster.isolation.JepsenHistory.write(IsolationWork.historyFile(context.scenarioName()), work.workload.history());
    }

    @When("no node holds a prepared transaction any more, within {int} seconds, and every key is read through coordinator-1 and through coordinator-2")
    public void everyKeyIsReadOnceRecovered(int seconds) {
        ChatCluster cluster = context.cluster();
        java.time.Instant stopped = java.time.Instant.now();
        context.report("when the clients stopped: " + io.github.chatcluster.catalog.PreparedTransactions.describe(cluster));
        org.awaitility.Awaitility.await("no prepared transaction on any node").atMost(Duration.ofSeconds(seconds))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                .until(() -> io.github.chatcluster.catalog.PreparedTransactions.onEachNode(cluster).isEmpty());
        context.report(String.format(java.util.Locale.ROOT, "no node held a prepared transaction %.1f s after the clients stopped",
                Duration.between(stopped, java.time.Instant.now()).toMillis() / 1000.0));
        everyKeyIsRead();
    }

    @After(value = "@isolation", order = 1)
    public void dropTheWorkloadsTable() {
        if (work.workload != null && context.hasCluster()) {
            try {
                work.workload.close();
            } catch (RuntimeException e) {
                context.report("could not drop the workload's table (" + e.getMessage() + "); the check before the next scenario finds it");
            }
        }
    }
}
