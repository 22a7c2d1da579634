package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.WriteTrials;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.ContentionVerdict;
import io.github.chatcluster.report.ThroughputVerdict;
import io.github.chatcluster.report.Verdict;

/**
 * Write throughput and latency, through coordinator-1 alone and through both coordinators, in alternating trials
 * (concurrent_writes.feature, and network_faults.feature under latency); the verdict on the demo's claim of linear
 * write scaling is given only when the trials do not spread across the line.
 */
public class BenchmarkSteps {

    private final ScenarioContext context;
    /** The two kinds of trial, alternated. */
    enum TrialKind {
        ONE_COORDINATOR("coordinator-1 alone"), TWO_COORDINATORS("both coordinators");

        final String words;

        TrialKind(String words) {
            this.words = words;
        }
    }

    private record KindOfTrial(TrialKind kind, int number, WriteTrials.Trial trial) {
    }

    private final List<KindOfTrial> trials = new ArrayList<>();

    public BenchmarkSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @When("{int} trials of {int} seconds each alternate {int} writers through coordinator-1 alone with {int} writers through each coordinator")
    public void alternatingTrials(int count, int seconds, int writersAlone, int writersEach) {
        Duration duration = Duration.ofSeconds(seconds);
        try (WriteTrials runner = new WriteTrials(context.acks())) {
            for (int i = 1; i <= count; i++) {
                trials.add(new KindOfTrial(TrialKind.ONE_COORDINATOR, i, runner.run("trial " + i + ", " + TrialKind.ONE_COORDINATOR.words,
                        Map.of(cluster().coordinator1(), writersAlone), duration)));
                trials.add(new KindOfTrial(TrialKind.TWO_COORDINATORS, i, runner.run("trial " + i + ", " + TrialKind.TWO_COORDINATORS.words,
                        Map.of(cluster().coordinator1(), writersEach, cluster().coordinator2(), writersEach), duration)));
            }
        }
        trials.forEach(t -> context.report(t.trial().toString()));
    }

    @Then("every write of the trials took at least {int} ms, since each crosses the delayed links")
    public void everyWriteTookAtLeast(int millis) {
        for (WriteTrials.Trial trial : trials.stream().map(KindOfTrial::trial).toList()) {
            assertThat(trial.latencies()).as("writes of %s", trial.label()).isNotEmpty();
            assertThat(trial.fastest()).as("the fastest write of %s: the delay is not in force?", trial.label())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(millis));
        }
    }

    @Then("the report shows the median and p99 write latency and the writes per second of each trial, and the verdict on the demo's claim")
    public void theReportShowsLatencyAndVerdict() {
        assertThat(trials).as("trials run").isNotEmpty();
        assertThat(trials).as("failed writes in the trials").allSatisfy(t -> assertThat(t.trial().failures()).as(t.trial().toString()).isZero());
        List<Double> alone = perSecond(TrialKind.ONE_COORDINATOR);
        List<Double> both = perSecond(TrialKind.TWO_COORDINATORS);
        double aloneMedian = alone.get(alone.size() / 2);
        double bothMedian = both.get(both.size() / 2);
        String figures = String.format(Locale.ROOT, "%s: coordinator-1 alone %s writes/s (median %.1f), both coordinators"
                + " %s writes/s (median %.1f); ratio of medians %.2f",
                context.timeline().inForce() == FaultInForce.NONE ? "on a healthy cluster" : "with " + context.timeline().fault(), rounded(alone), aloneMedian, rounded(both),
                bothMedian, bothMedian / aloneMedian);
        for (KindOfTrial t : trials) {
            String key = "throughput." + Figures.key(context.timeline().fault()) + "." + Figures.key(t.kind().name().toLowerCase(Locale.ROOT))
                    + ".trial-" + t.number();
            Figures.record(key, String.format(Locale.ROOT, "%.1f/s median %d ms p99 %d ms", t.trial().perSecond(),
                    t.trial().percentile(0.5).toMillis(), t.trial().percentile(0.99).toMillis()));
        }
        ThroughputVerdict.Judgement judgement = ThroughputVerdict.judge(alone, both);
        if (judgement.verdict() == Verdict.NOT_DECIDED) {
            context.claimNotDecided(SeedClaim.WRITE_THROUGHPUT_SCALES_LINEARLY, figures + " (" + judgement.why() + ")");
        } else {
            context.claim(SeedClaim.WRITE_THROUGHPUT_SCALES_LINEARLY, judgement.verdict() == Verdict.HELD, figures + " (" + judgement.why() + ")");
        }
        context.report(figures);
    }

    /** The median write latency of each trial, through one coordinator and through both (the healthy cluster's trials). */
    @Then("the demo's claim of {string} is judged by the trials' median write latency through one coordinator and through both")
    public void judgeContention(String words) {
        assertThat(trials).as("trials run").isNotEmpty();
        List<Long> one = trials.stream().filter(t -> t.kind() == TrialKind.ONE_COORDINATOR).map(t -> t.trial().percentile(0.5).toMillis()).toList();
        List<Long> two = trials.stream().filter(t -> t.kind() == TrialKind.TWO_COORDINATORS).map(t -> t.trial().percentile(0.5).toMillis()).toList();
        ContentionVerdict.Judgement j = ContentionVerdict.judge(one, two);
        String evidence = "the same writers through coordinator-1 alone (median latency per trial " + one + " ms) and through both"
                + " coordinators (" + two + " ms): " + j.why();
        if (j.verdict() == Verdict.NOT_DECIDED) {
            context.claimNotDecided(SeedClaim.withWords(words), evidence);
        } else {
            context.claim(SeedClaim.withWords(words), j.verdict() == Verdict.HELD, evidence);
        }
    }

    private List<Double> perSecond(TrialKind kind) {
        return trials.stream().filter(t -> t.kind() == kind).map(t -> t.trial().perSecond()).sorted().toList();
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }
}
