package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.WriteLoad;
import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.EveryOneServed;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

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
        WriteLoad load = new WriteLoad(context.acks());
        writerErrors = load.roomsAtOnce(clients, rooms, messages, Duration.ZERO, Duration.ofMinutes(3));
        Duration overlap = load.overlap();
        context.report(context.acks().summary() + String.format(java.util.Locale.ROOT,
                "; all %d clients were writing at the same time for %.2f s (from the last one's start to the first one's end)",
                k1 + k2, overlap.toMillis() / 1000.0));
        assertThat(overlap).as("the time all %d clients were writing at once", k1 + k2).isPositive();
    }

    @Then("every write was acknowledged")
    public void everyWriteWasAcknowledged() {
        assertThat(writerErrors).as("errors the writers saw").isEmpty();
        assertThat(context.acks().tally().unknownOutcomes()).as("writes with an unknown outcome").isZero();
    }

    @Then("every acknowledged write is visible through coordinator-1, coordinator-2 and the load balancer")
    public void everyAcknowledgedWriteIsVisibleEverywhere() {
        ChatCluster cluster = context.cluster();
        for (Endpoint entry : cluster.entryPoints()) {
            AcknowledgedWrites.assertAllReadOnceThrough(context.cluster(), context.acks(), entry);
        }
    }

    @Then("the demo's claim of {string} {statedVerdict} for writes to one room each: every acknowledged room, member and message is visible through coordinator-1, coordinator-2 and the load balancer by the first read after the writers finished")
    public void theClaimForWritesReadAtOnce(String words, Verdict stated) {
        String what = "writes acknowledged by either coordinator (" + context.acks().summary() + ") read through both coordinators"
                + " and the load balancer by the first read after the writers finished, with no waiting or retry";
        EveryOneServed.Judgement j;
        try {
            everyAcknowledgedWriteIsVisibleEverywhere();
            j = EveryOneServed.every(what);
        } catch (AssertionError | RuntimeException e) {
            j = EveryOneServed.notEvery(what, io.github.chatcluster.cluster.Text.firstLine(e.getMessage()));
        }
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "for writes to one room each, read after all of them"
                + " were written: " + j.why()
                + " (each write read right after its own acknowledgement, and transactions over two rooms: consistency_across_rooms.feature)");
    }

    @Then("no message is stored twice")
    public void noMessageIsStoredTwice() {
        assertThat(ChatInspection.through(context.cluster().coordinator1()).duplicateMessages())
                .as("client-made message ids stored more than once").isEmpty();
    }

    @Then("for each chat table, the workers store exactly twice the rows the application sees")
    public void theWorkersStoreTwice() {
        DataPlacement placement = new DataPlacement(context.cluster());
        for (String table : ChatTables.NAMES) {
            long logical = ChatInspection.through(context.cluster().coordinator1()).count(table);
            Map<String, Long> perWorker = placement.rowsPerWorker(table);
            context.report(table + ": " + logical + " rows; per worker " + DataPlacement.describe(perWorker));
            assertThat(perWorker.values().stream().mapToLong(Long::longValue).sum())
                    .as("rows of %s stored on the workers", table).isEqualTo(2 * logical);
        }
    }
}
