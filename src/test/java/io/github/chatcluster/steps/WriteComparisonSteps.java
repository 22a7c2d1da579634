package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.WriteTrials;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.BlockOrder;
import io.github.chatcluster.report.ComparisonRule;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/**
 * Write throughput and contention as a designed experiment (the verdicts issue): the same writers in both arms (through
 * coordinator-1 alone, and half through each coordinator), warm-up trials discarded, then blocks of four trials in a
 * random ABBA or BAAB order, and an A/A control (coordinator-1 alone against itself) run the same way. Each claim is
 * decided by {@link ComparisonRule} on the interval of the ratio of the two arms.
 */
public class WriteComparisonSteps {

    private static final double LINEARLY = 2.0;
    private static final double REDUCED = 1.1;

    private final ScenarioContext context;
    private final List<Run> comparison = new ArrayList<>();
    private final List<Run> control = new ArrayList<>();

    private record Run(BlockOrder.Trial trial, WriteTrials.Trial result) {
    }

    public WriteComparisonSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("the write trials run: {int} writers through coordinator-1 alone against half of them through each coordinator, {int} seconds a trial, {int} warm-up trials, then {int} blocks in a random ABBA order, and the same blocks of coordinator-1 alone against itself")
    public void theWriteTrialsRun(int writers, int seconds, int warmUps, int blocks) {
        ChatCluster cluster = context.cluster();
        Map<Endpoint, Integer> alone = Map.of(cluster.coordinator1(), writers);
        Map<Endpoint, Integer> both = Map.of(cluster.coordinator1(), writers / 2, cluster.coordinator2(), writers - writers / 2);
        long seed = Long.getLong("cucumber.execution.order.random.seed", System.nanoTime());
        Duration duration = Duration.ofSeconds(seconds);
        try (WriteTrials runner = new WriteTrials(context.acks())) {
            for (BlockOrder.Trial t : BlockOrder.of(seed, warmUps, blocks)) {
                Map<Endpoint, Integer> set = t.arm() == BlockOrder.Arm.A ? alone : both;
                comparison.add(new Run(t, runner.run("trial " + t.index() + (t.warmUp() ? " (warm-up)" : "") + ", "
                        + (t.arm() == BlockOrder.Arm.A ? "coordinator-1 alone" : "both coordinators"), set, duration)));
            }
            for (BlockOrder.Trial t : BlockOrder.of(seed + 1, 0, blocks)) {
                control.add(new Run(t, runner.run("control trial " + t.index() + ", coordinator-1 alone (" + t.arm() + ")", alone, duration)));
            }
        }
        comparison.forEach(r -> context.report(r.result().toString()));
        control.forEach(r -> context.report(r.result().toString()));
    }

    @Then("the report shows each trial's writes per second and median latency through each coordinator")
    public void theReportShowsEachCoordinator() {
        assertThat(comparison).as("trials run").isNotEmpty();
        StringBuilder table = new StringBuilder("trial                                   writes/s   c1 writes/s  c1 median  c2 writes/s  c2 median\n");
        for (Run r : comparison) {
            WriteTrials.Trial t = r.result();
            table.append(String.format(Locale.ROOT, "%-38s %9.1f %12.1f %8d ms %12.1f %8d ms%n", t.label(), t.perSecond(),
                    t.perSecondThrough(ChatCluster.COORDINATOR_1), t.medianThrough(ChatCluster.COORDINATOR_1).toMillis(),
                    t.perSecondThrough(ChatCluster.COORDINATOR_2), t.medianThrough(ChatCluster.COORDINATOR_2).toMillis()));
            Figures.record("write-comparison.trial-" + r.trial().index(), String.format(Locale.ROOT, "%s %.1f/s median %d ms",
                    r.trial().warmUp() ? "warm-up " + r.trial().arm() : r.trial().arm(), t.perSecond(), t.percentile(0.5).toMillis()));
        }
        context.attachText("write trials, through each coordinator", table.toString());
        assertThat(comparison).as("failed writes in the trials")
                .allSatisfy(r -> assertThat(r.result().failures()).as(r.result().toString()).isZero());
    }

    @Then("the demo's claim of {string} {statedVerdict}, judged by the interval of the ratio of writes per second through both coordinators to through one, against twice")
    public void throughputClaim(String words, Verdict stated) {
        judge(words, stated, new ComparisonRule(LINEARLY, "writes per second, both coordinators over coordinator-1 alone:"),
                t -> t.perSecond());
    }

    @Then("the demo's claim of {string} {statedVerdict}, judged by the interval of the ratio of the median write latency through one coordinator to through both, against 1.1")
    public void contentionClaim(String words, Verdict stated) {
        // more is better for the rule: the inverse of the median latency, so that the ratio is one's latency over both's
        judge(words, stated, new ComparisonRule(REDUCED, "median write latency, coordinator-1 alone over both coordinators:"),
                t -> 1.0 / Math.max(1, t.percentile(0.5).toNanos()));
    }

    private void judge(String words, Verdict stated, ComparisonRule rule, ToDoubleFunction<WriteTrials.Trial> figure) {
        List<Double> a = counted(comparison, BlockOrder.Arm.A, figure);
        List<Double> b = counted(comparison, BlockOrder.Arm.B, figure);
        ComparisonRule.Judgement j = rule.judge(a, b);
        String controlFailure = rule.controlFails(counted(control, BlockOrder.Arm.A, figure), counted(control, BlockOrder.Arm.B, figure));
        ComparisonRule.Judgement aa = rule.judge(counted(control, BlockOrder.Arm.A, figure), counted(control, BlockOrder.Arm.B, figure));
        String evidence = j.why() + "; the A/A control: " + aa.why();
        Figures.record("write-comparison." + Figures.key(words) + ".interval", j.interval().toString());
        Figures.record("write-comparison." + Figures.key(words) + ".control-interval", aa.interval().toString());
        Verdict found = controlFailure == null ? j.verdict() : Verdict.NOT_DECIDED;
        context.claimAsStated(SeedClaim.withWords(words), stated, found, controlFailure == null ? evidence : controlFailure);
    }

    private static List<Double> counted(List<Run> runs, BlockOrder.Arm arm, ToDoubleFunction<WriteTrials.Trial> figure) {
        return runs.stream().filter(r -> !r.trial().warmUp() && r.trial().arm() == arm).map(r -> figure.applyAsDouble(r.result())).toList();
    }
}
