package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.catalog.ReadServing;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;

/** Where the reads of the rooms are served, measured on the workers. */
public class ReadSteps {

    private final ScenarioContext context;
    private final Map<String, ReadServing.Served> served = new LinkedHashMap<>();

    public ReadSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("each sample room is read {int} times through coordinator-1 and {int} times through coordinator-2")
    public void eachRoomIsRead(int c1, int c2) throws SQLException {
        List<Long> rooms = ChatInspection.through(context.cluster().coordinator1()).roomIds();
        for (var through : List.of(java.util.Map.entry(context.cluster().coordinator1(), c1), java.util.Map.entry(context.cluster().coordinator2(), c2))) {
            Endpoint entry = through.getKey();
            ReadServing.Served s = ReadServing.read(context.cluster(), entry, rooms, through.getValue());
            served.put(entry.name(), s);
            context.report("through " + entry.name() + ": " + s.table());
        }
    }

    @Then("the report shows how many of the reads each worker served, and for each shard whether one copy or both served them")
    public void theReportShowsWhoServed() {
        assertThat(served).as("reads (did the step before run?)").isNotEmpty();
        StringBuilder text = new StringBuilder();
        served.forEach((entry, s) -> {
            text.append("through ").append(entry).append(": ").append(s.table());
            s.byWorker().forEach((w, n) -> Figures.record("reads.served-by." + entry + "." + w, String.valueOf(n)));
            Figures.record("reads.shards-served-by-both-copies." + entry,
                    String.valueOf(s.byShard().values().stream().filter(set -> set.size() > 1).count()));
        });
        context.attachText("which copies served the reads", text.toString());
        assertThat(served.values()).as("reads counted on the workers: one scan per read").allSatisfy(s ->
                assertThat(s.counted()).as(s.table()).isEqualTo(s.reads()));
    }

    @Then("the demo's claim of {string} is judged by whether every worker served reads through each coordinator")
    public void readScalingJudged(String words) {
        List<String> idle = new ArrayList<>();
        served.forEach((entry, s) -> ChatCluster.WORKERS.forEach(w -> {
            if (s.byWorker().getOrDefault(w, 0L) == 0) {
                idle.add(w + " served none of the reads through " + entry);
            }
        }));
        String figures = String.join("; ", served.entrySet().stream().map(e -> "through " + e.getKey() + " "
                + e.getValue().byWorker() + " of " + e.getValue().reads() + " reads, shards read from both copies: "
                + e.getValue().byShard().values().stream().filter(set -> set.size() > 1).count() + " of "
                + e.getValue().byShard().size() + " (citus.task_assignment_policy = " + e.getValue().taskAssignmentPolicy() + ")").toList());
        context.claim(SeedClaim.withWords(words), idle.isEmpty(), (idle.isEmpty() ? "every worker served reads: " : String.join(", ", idle) + ": ") + figures);
    }
}
