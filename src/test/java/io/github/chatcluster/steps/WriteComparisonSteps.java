package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.WriteTrials;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.ComparisonRule;
import io.github.chatcluster.report.DesignedComparison;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/**
 * Write throughput and contention as a designed experiment (the verdicts issue): the same writers in both arms (through
 * coordinator-1 alone, and half through each coordinator), warm-up trials discarded, then blocks of four trials in a
 * random ABBA or BAAB order, and an A/A control (coordinator-1 alone against itself) run the same way. Write throughput
 * is decided by {@link ComparisonRule} on the interval of the ratio of the two arms; contention is measured the same
 * way and not judged ({@link SeedClaim#REDUCED_CONTENTION} says why).
 */
public class WriteComparisonSteps {

    private static final double LINEARLY = 2.0;

    private final ScenarioContext context;
    private DesignedComparison<WriteTrials.Trial> trials;

    public WriteComparisonSteps(ScenarioContext context) {
        this.context = context;
    }

    /** Rooms each session of the trials makes before them: 48 in all for 8 writers, six trials' worth to draw from. */
    private static final int ROOMS_PER_SESSION = 4;

    @When("the write trials run: {int} writers through coordinator-1 alone against half of them through each coordinator, {int} second(s) a trial, {int} warm-up trials, then {int} blocks in a random ABBA order, and the same blocks of coordinator-1 alone against itself")
    public void theWriteTrialsRun(int writers, int seconds, int warmUps, int blocks) {
        ChatCluster cluster = context.cluster();
        Map<Endpoint, Integer> alone = Map.of(cluster.coordinator1(), writers);
        Map<Endpoint, Integer> both = Map.of(cluster.coordinator1(), writers / 2, cluster.coordinator2(), writers - writers / 2);
        long seed = Long.getLong("cucumber.execution.order.random.seed", System.nanoTime());
        Duration duration = Duration.ofSeconds(seconds);
        try (WriteTrials runner = new WriteTrials(context.acks())) {
            Map<Endpoint, Integer> sessions = new java.util.HashMap<>(alone);
            both.forEach((entry, n) -> sessions.merge(entry, n, Math::max));
            runner.prepare(sessions, ROOMS_PER_SESSION, seed);
            trials = DesignedComparison.run(seed, warmUps, blocks, (t, control) -> {
                String label = DesignedComparison.label(t, control, "coordinator-1 alone", "both coordinators");
                return runner.run(label, DesignedComparison.runsB(t, control) ? both : alone, duration);
            });
        }
        trials.runs().forEach(r -> context.report(r.result().toString()));
    }

    @Then("every write of the trials took at least {int} ms, since each crosses the delayed links")
    public void everyWriteTookAtLeast(int millis) {
        assertThat(trials).as("the write trials of this scenario").isNotNull();
        for (DesignedComparison.Run<WriteTrials.Trial> r : trials.runs()) {
            WriteTrials.Trial trial = r.result();
            assertThat(trial.latencies()).as("writes of %s", trial.label()).isNotEmpty();
            assertThat(trial.fastest()).as("the fastest write of %s: the delay is not in force?", trial.label())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(millis));
        }
    }

    @Then("the report shows each trial's writes per second and median latency through each coordinator")
    public void theReportShowsEachCoordinator() {
        assertThat(trials).as("the write trials of this scenario").isNotNull();
        StringBuilder table = new StringBuilder("trial                                             writes/s  c1 writes/s  c1 median  c2 writes/s  c2 median\n");
        for (DesignedComparison.Run<WriteTrials.Trial> r : trials.runs()) {
            WriteTrials.Trial t = r.result();
            table.append(String.format(Locale.ROOT, "%-48s %9.1f %12.1f %8d ms %12.1f %8d ms%n", t.label(), t.perSecond(),
                    t.perSecondThrough(ChatCluster.COORDINATOR_1), t.medianThrough(ChatCluster.COORDINATOR_1).toMillis(),
                    t.perSecondThrough(ChatCluster.COORDINATOR_2), t.medianThrough(ChatCluster.COORDINATOR_2).toMillis()));
            Figures.record(String.format(Locale.ROOT, "%s.%strial-%02d-%s%s", figureKey(), r.control() ? "control-" : "", r.trial().index(),
                    r.trial().arm(), r.trial().warmUp() ? "-warm-up" : ""), String.format(Locale.ROOT, "%.1f/s median %d ms",
                    t.perSecond(), t.percentile(0.5).toMillis()));
        }
        context.attachText("write trials, through each coordinator", table.toString());
        assertThat(trials.runs()).as("failed writes in the trials")
                .allSatisfy(r -> assertThat(r.result().failures()).as(r.result().toString()).isZero());
    }

    @Then("the demo's claim of {string} {statedVerdict}, judged by the interval of the ratio of writes per second through both coordinators to through one, against twice")
    public void throughputClaim(String words, Verdict stated) {
        judge(words, stated, new ComparisonRule(LINEARLY, "writes per second, both coordinators over coordinator-1 alone:"),
                WriteTrials.Trial::perSecond);
    }

    /**
     * Measured, not judged ({@link SeedClaim#REDUCED_CONTENTION} says why): the interval of the ratio of the median write
     * latencies, and of its A/A control, in the report and the figures, where a later run can compare them.
     */
    @Then("the report shows the interval of the ratio of the median write latency through coordinator-1 alone to through both, and that of the A\\/A control")
    public void contentionMeasured() {
        assertThat(trials).as("the write trials of this scenario").isNotNull();
        // more is better for the rule: the inverse of the median latency, so that the ratio is one's latency over both's
        DesignedComparison.Intervals i = trials.intervals(t -> 1.0 / Math.max(1, t.percentile(0.5).toNanos()));
        Figures.record(figureKey() + ".median-latency-one-over-both.interval", i.comparison().toString());
        Figures.record(figureKey() + ".median-latency-one-over-both.control-interval", i.control().toString());
        context.report("reduced contention, measured and not judged: median write latency, coordinator-1 alone over both coordinators: "
                + i.comparison() + "; the A/A control: " + i.control());
    }

    /** throughput.healthy, or throughput.<the fault in force> (the 50 ms scenario's): the claims page draws them. */
    private String figureKey() {
        return "throughput." + (context.timeline().inForce() == FaultInForce.NONE ? "healthy" : Figures.key(context.timeline().fault()));
    }

    private void judge(String words, Verdict stated, ComparisonRule rule, ToDoubleFunction<WriteTrials.Trial> figure) {
        assertThat(trials).as("the write trials of this scenario").isNotNull();
        DesignedComparison.Outcome o = trials.judge(rule, figure);
        record(words, o);
        context.claimAsStated(SeedClaim.withWords(words), stated, o.found(), o.evidence());
    }

    private void record(String words, DesignedComparison.Outcome o) {
        Figures.record(figureKey() + "." + Figures.key(words) + ".interval", o.comparison().interval().toString());
        Figures.record(figureKey() + "." + Figures.key(words) + ".control-interval", o.control().interval().toString());
    }
}
