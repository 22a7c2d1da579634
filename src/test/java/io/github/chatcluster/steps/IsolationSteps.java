package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import io.github.chatcluster.isolation.ListAppendWorkload.Client;
import io.github.chatcluster.isolation.ListAppendWorkload.Isolation;
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
    private List<Client> sixClients() {
        ChatCluster cluster = context.cluster();
        List<Client> clients = new ArrayList<>();
        for (Endpoint entry : List.of(cluster.coordinator1(), cluster.coordinator2(), cluster.loadBalancer())) {
            for (Isolation level : Isolation.values()) {
                clients.add(Client.at(entry, level));
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
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> injected = scheduler.schedule(() -> Faults.inject(context, node.name(), how), after, TimeUnit.SECONDS);
            ScheduledFuture<?> healed = scheduler.schedule(() -> {
                context.cluster().faults().healAll();
                context.timeline().backAt(java.time.Instant.now());
            }, after + downFor, TimeUnit.SECONDS);
            run(sixClients(), seconds);
            BoundedGet.of(injected, Duration.ofSeconds(after + 30), node + " " + how);
            BoundedGet.of(healed, Duration.ofSeconds(after + downFor + 90), node + " brought back");
        } finally {
            BoundedStop.after(scheduler, Duration.ofSeconds(5), Duration.ofSeconds(10), "the fault's scheduler");
        }
        assertThat(context.timeline().faultInjectedAt()).as("%s was %s while the clients ran", node, how).isNotNull();
        assertThat(context.timeline().backAt()).as("%s was brought back while the clients ran", node).isNotNull();
    }

    @When("6 clients run list-append transactions for {int} seconds, all at repeatable read, two through each of coordinator-1, coordinator-2 and the load balancer")
    public void sixClientsRunAtRepeatableRead(int seconds) {
        ChatCluster cluster = context.cluster();
        List<Client> clients = new ArrayList<>();
        for (Endpoint entry : List.of(cluster.coordinator1(), cluster.coordinator2(), cluster.loadBalancer())) {
            for (int n = 1; n <= 2; n++) {
                clients.add(Client.at(entry, Isolation.REPEATABLE_READ, n));
            }
        }
        run(clients, seconds);
    }

    @When("one client runs list-append transactions through coordinator-1 at repeatable read for {int} seconds")
    public void oneClientRuns(int seconds) {
        run(List.of(Client.at(context.cluster().coordinator1(), Isolation.REPEATABLE_READ)), seconds);
    }

    @When("a weakened client that commits after each operation runs list-append transactions through coordinator-1 for {int} seconds, beside a client at repeatable read through coordinator-2")
    public void aWeakenedClientRuns(int seconds) {
        ChatCluster cluster = context.cluster();
        run(List.of(Client.weakened(cluster.coordinator1()), Client.at(cluster.coordinator2(), Isolation.REPEATABLE_READ)), seconds);
    }

    private void run(List<Client> clients, int seconds) {
        work.workload = new ListAppendWorkload(context.cluster().coordinator1(), 1);
        work.seed = new java.util.Random().nextLong();
        work.workload.run(clients, Duration.ofSeconds(seconds), work.seed);
        keepTheHistory();
        context.report(work.workload.history().size() + " transactions by " + clients.size() + " clients in " + seconds + " s (seed " + work.seed
                + "): " + work.workload.outcomes());
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
