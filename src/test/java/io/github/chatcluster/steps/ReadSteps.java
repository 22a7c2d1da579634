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
import io.github.chatcluster.report.ReadScalingVerdict;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** Where the reads of the rooms are served, measured on the workers. */
public class ReadSteps {

    private final ScenarioContext context;
    private final Map<String, ReadServing.Served> served = new LinkedHashMap<>();
    private final Map<String, ReadServing.Served> servedWithOneDown = new LinkedHashMap<>();
    /** The worker stopped for the second finding, or null. */
    private String stopped;

    public ReadSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("every shard of the messages table is read {int} times through coordinator-1 and {int} times through coordinator-2, through one room id in each shard")
    public void everyShardIsRead(int c1, int c2) throws SQLException {
        read(c1, c2, ChatCluster.WORKERS, served);
    }

    @When("every shard of the messages table is read {int} times again through coordinator-1 and {int} times through coordinator-2")
    public void everyShardIsReadAgain(int c1, int c2) throws SQLException {
        assertThat(stopped).as("the worker stopped before these reads").isNotNull();
        read(c1, c2, ChatCluster.WORKERS.stream().filter(w -> !w.equals(stopped)).toList(), servedWithOneDown);
    }

    private void read(int c1, int c2, List<String> countedOn, Map<String, ReadServing.Served> into) throws SQLException {
        List<Long> rooms = ReadServing.oneRoomPerShard(context.cluster());
        context.report(rooms.size() + " room ids, one in each shard of messages: " + rooms);
        for (var through : List.of(java.util.Map.entry(context.cluster().coordinator1(), c1), java.util.Map.entry(context.cluster().coordinator2(), c2))) {
            Endpoint entry = through.getKey();
            ReadServing.Served s = ReadServing.read(context.cluster(), entry, rooms, through.getValue(), countedOn);
            into.put(entry.name(), s);
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

    @Then("the demo's claim of {string} {statedVerdict} with Citus's routing as configured, judged by whether every worker served reads through each coordinator")
    public void readScalingAsConfigured(String words, Verdict stated) {
        assertThat(served).as("reads (did the step before run?)").isNotEmpty();
        Map<String, Map<String, Long>> byWorker = new LinkedHashMap<>();
        served.forEach((entry, s) -> byWorker.put(entry, s.byWorker()));
        ReadScalingVerdict.Judgement j = ReadScalingVerdict.asConfigured(byWorker, ChatCluster.WORKERS);
        String policy = served.values().iterator().next().taskAssignmentPolicy();
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "reading every shard, with Citus's routing as configured"
                + " (citus.task_assignment_policy = " + policy + "): " + j.why());
    }

    @When("the worker that served the most of those reads is stopped")
    public void theBusiestWorkerIsStopped() {
        assertThat(served).as("reads (did the step before run?)").isNotEmpty();
        Map<String, Long> total = new java.util.TreeMap<>();
        served.values().forEach(s -> s.byWorker().forEach((w, n) -> total.merge(w, n, Long::sum)));
        stopped = total.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        context.report(stopped + " served the most of the reads " + total + ": it is stopped");
        Faults.inject(context, stopped, io.github.chatcluster.cluster.faults.FailureKind.STOPPED_CLEANLY);
    }

    @Then("the demo's claim of {string} {statedVerdict} with that worker down, judged by whether the other workers served every read")
    public void readScalingWithAWorkerDown(String words, Verdict stated) {
        assertThat(servedWithOneDown).as("reads with a worker down (did the step before run?)").isNotEmpty();
        Map<String, Integer> reads = new LinkedHashMap<>();
        Map<String, Long> counted = new LinkedHashMap<>();
        servedWithOneDown.forEach((entry, s) -> {
            reads.put(entry, s.reads());
            counted.put(entry, s.counted());
            context.report("with " + stopped + " down, through " + entry + ": " + s.table());
        });
        ReadScalingVerdict.Judgement j = ReadScalingVerdict.withAWorkerDown(stopped, reads, counted);
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "reading every shard: " + j.why());
    }
}
