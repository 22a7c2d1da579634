package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.WriteLoad;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;

public class WriteSteps {

    private final ScenarioContext context;
    private List<Throwable> writerErrors = List.of();

    public WriteSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("{int} clients write through {entryPoint} and {int} clients write through {entryPoint} at the same time, each creating {int} rooms with {int} members and {int} messages")
    public void clientsWriteAtTheSameTime(int k1, Endpoint first, int k2, Endpoint second, int rooms, int members, int messages) {
        assertThat(members).as("members per room").isEqualTo(ChatApplication.MEMBERS_PER_ROOM);
        Map<Endpoint, Integer> clients = new LinkedHashMap<>();
        clients.put(first, k1);
        clients.put(second, k2);
        writerErrors = new WriteLoad(context.acks).roomsAtOnce(clients, rooms, messages, Duration.ZERO, Duration.ofMinutes(3));
        context.report(context.acks.summary());
    }

    @Then("every write was acknowledged")
    public void everyWriteWasAcknowledged() {
        assertThat(writerErrors).as("errors the writers saw").isEmpty();
        assertThat(context.acks.unknownOutcomes()).as("writes with an unknown outcome").isZero();
    }

    @Then("every acknowledged write is visible through coordinator-1, coordinator-2 and the load balancer")
    public void everyAcknowledgedWriteIsVisibleEverywhere() {
        ChatCluster cluster = context.cluster();
        for (Endpoint entry : List.of(cluster.coordinator1(), cluster.coordinator2(), cluster.loadBalancer())) {
            context.acks.assertAllVisibleThrough(entry);
        }
    }

    @Then("every acknowledged room, member and message is visible through coordinator-1, coordinator-2 and the load balancer at once")
    public void everyAcknowledgedWriteIsVisibleAtOnce() {
        everyAcknowledgedWriteIsVisibleEverywhere();
        context.claim(SeedClaim.EVENTUAL_CONSISTENCY, true, "and stronger: every write acknowledged by either"
                + " coordinator (" + context.acks.summary() + ") was read through both coordinators and the load"
                + " balancer by the first read after the writers finished, with no waiting or retry");
    }

    @Then("no message is stored twice")
    public void noMessageIsStoredTwice() {
        assertThat(ChatApplication.through(context.cluster().coordinator1()).duplicateMessages())
                .as("client-made message ids stored more than once").isEmpty();
    }

    @Then("for each chat table, the workers store exactly twice the rows the application sees")
    public void theWorkersStoreTwice() {
        DataPlacement placement = new DataPlacement(context.cluster());
        for (String table : ChatApplication.TABLES) {
            long logical = ChatApplication.through(context.cluster().coordinator1()).count(table);
            Map<String, Long> perWorker = placement.rowsPerWorker(table);
            context.report(table + ": " + logical + " rows; per worker " + DataPlacement.describe(perWorker));
            assertThat(perWorker.values().stream().mapToLong(Long::longValue).sum())
                    .as("rows of %s stored on the workers", table).isEqualTo(2 * logical);
        }
    }

    @Then("each coordinator receives at least {int} of the {int} connections")
    public void eachCoordinatorReceivesAtLeast(int atLeast, int total) {
        assertThat(context.landedOn).hasSize(total);
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            assertThat(context.landedOn.stream().filter(coordinator::equals).count())
                    .as("connections that landed on %s", coordinator).isGreaterThanOrEqualTo(atLeast);
        }
    }

    @When("the same write load runs for {int} seconds through coordinator-1 alone, then through both coordinators")
    public void theSameLoadThroughOneThenBoth(int seconds) {
        ChatCluster cluster = context.cluster();
        WriteLoad load = new WriteLoad(context.acks);
        Duration duration = Duration.ofSeconds(seconds);
        WriteLoad.Throughput one = load.messagesFor(Map.of(cluster.coordinator1(), 8), duration, Duration.ZERO);
        WriteLoad.Throughput both = load.messagesFor(Map.of(cluster.coordinator1(), 4, cluster.coordinator2(), 4),
                duration, Duration.ZERO);
        context.throughput = List.of(one, both);
    }

    @Then("the report shows the writes per second of each run and whether the demo's claim held")
    public void theReportShowsThroughput() {
        WriteLoad.Throughput one = context.throughput.get(0);
        WriteLoad.Throughput both = context.throughput.get(1);
        assertThat(one.writes()).as("writes through coordinator-1 alone").isPositive();
        assertThat(both.writes()).as("writes through both coordinators").isPositive();
        assertThat(one.failures() + both.failures()).as("failed writes").isZero();
        double ratio = both.perSecond() / one.perSecond();
        boolean linear = ratio >= 1.8;
        String text = String.format("8 clients, messages written: through coordinator-1 alone %.0f/s; "
                        + "through both coordinators (4 + 4 clients) %.0f/s; ratio %.2f. Claim \"write throughput scales "
                        + "linearly with coordinator count\" (ratio >= 1.8 for 2 coordinators): %s",
                one.perSecond(), both.perSecond(), ratio, linear ? "HELD" : "NOT HELD");
        context.report(text);
        Figures.record("throughput.one-coordinator.writes-per-second", String.format("%.0f", one.perSecond()));
        Figures.record("throughput.two-coordinators.writes-per-second", String.format("%.0f", both.perSecond()));
        context.claim(SeedClaim.WRITE_THROUGHPUT_SCALES_LINEARLY, linear, String.format(
                "%.0f messages/s through coordinator-1 alone, %.0f/s through both; ratio %.2f (linear would be about 2)",
                one.perSecond(), both.perSecond(), ratio));
    }
}
