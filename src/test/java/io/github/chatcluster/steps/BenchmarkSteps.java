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

/**
 * Write throughput and latency, through coordinator-1 alone and through both coordinators, in alternating trials
 * (concurrent_writes.feature, and network_faults.feature under latency); the verdict on the demo's claim of linear
 * write scaling is given only when the trials do not spread across the line.
 */
public class BenchmarkSteps {

    private final ScenarioContext context;
    private final List<WriteTrials.Trial> trials = new ArrayList<>();

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
                trials.add(runner.run("trial " + i + ", coordinator-1 alone", Map.of(cluster().coordinator1(), writersAlone), duration));
                trials.add(runner.run("trial " + i + ", both coordinators",
                        Map.of(cluster().coordinator1(), writersEach, cluster().coordinator2(), writersEach), duration));
            }
        }
        trials.forEach(t -> context.report(t.toString()));
    }

    @Then("every write of the trials took at least {int} ms, since each crosses the delayed links")
    public void everyWriteTookAtLeast(int millis) {
        for (WriteTrials.Trial trial : trials) {
            assertThat(trial.latencies()).as("writes of %s", trial.label()).isNotEmpty();
            assertThat(trial.fastest()).as("the fastest write of %s: the delay is not in force?", trial.label())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(millis));
        }
    }

    @Then("the report shows the median and p99 write latency and the writes per second of each trial, and the verdict on the demo's claim")
    public void theReportShowsLatencyAndVerdict() {
        assertThat(trials).as("trials run").isNotEmpty();
        assertThat(trials).as("failed writes in the trials").allSatisfy(t -> assertThat(t.failures()).as(t.toString()).isZero());
        List<Double> alone = trials.stream().filter(t -> t.label().endsWith("alone")).map(WriteTrials.Trial::perSecond).sorted().toList();
        List<Double> both = trials.stream().filter(t -> t.label().endsWith("both coordinators")).map(WriteTrials.Trial::perSecond).sorted().toList();
        double aloneMedian = alone.get(alone.size() / 2);
        double bothMedian = both.get(both.size() / 2);
        double ratio = bothMedian / aloneMedian;
        String figures = String.format(Locale.ROOT, "%s: coordinator-1 alone %s writes/s (median %.1f), both coordinators"
                + " %s writes/s (median %.1f); ratio of medians %.2f",
                "no fault".equals(context.timeline().fault()) ? "on a healthy cluster" : "with " + context.timeline().fault(), rounded(alone), aloneMedian, rounded(both),
                bothMedian, ratio);
        for (WriteTrials.Trial trial : trials) {
            String key = "throughput." + context.timeline().fault().replaceAll("[^A-Za-z0-9-]+", "-") + "." + (trial.label().endsWith("alone") ? "one-coordinator" : "two-coordinators") + "."
                    + trial.label().replaceAll("^trial ([0-9]+),.*", "trial-$1");
            Figures.record(key, String.format(Locale.ROOT, "%.1f/s median %d ms p99 %d ms", trial.perSecond(),
                    trial.percentile(0.5).toMillis(), trial.percentile(0.99).toMillis()));
        }
        // Linear scaling: two coordinators give about twice (at least 1.8 times) the writes per second of one. A verdict
        // only when every trial of one kind lies on the same side of that line, so that the spread cannot decide it.
        double line = 1.8 * aloneMedian;
        if (both.get(0) >= 1.8 * alone.get(alone.size() - 1)) {
            context.claim(SeedClaim.WRITE_THROUGHPUT_SCALES_LINEARLY, true, figures + " (every trial with both is at least 1.8 times every trial alone)");
        } else if (both.get(both.size() - 1) < line) {
            context.claim(SeedClaim.WRITE_THROUGHPUT_SCALES_LINEARLY, false, figures + " (every trial with both stays below 1.8 times the median alone)");
        } else {
            context.claimNotDecided(SeedClaim.WRITE_THROUGHPUT_SCALES_LINEARLY, figures
                    + " (the trials spread across the line of 1.8 times the median alone: the difference is within their spread)");
        }
        context.report(figures);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }
}
