package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.ReadTrials;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.ComparisonRule;
import io.github.chatcluster.report.DesignedComparison;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/**
 * Read throughput through coordinator-1 alone and through both coordinators, as a designed experiment
 * ({@link DesignedComparison}): the same readers in both arms, warm-ups discarded, blocks in a random ABBA order, an
 * A/A control.
 */
public class ReadBenchmarkSteps {

    private final ScenarioContext context;
    private DesignedComparison<ReadTrials.Trial> trials;

    public ReadBenchmarkSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("the read trials run: {int} readers through coordinator-1 alone against half of them through each coordinator, each reading the latest 20 messages of one sample room after another, {int} second(s) a trial, {int} warm-up trials, then {int} blocks in a random ABBA order, and the same blocks of coordinator-1 alone against itself")
    public void theReadTrialsRun(int readers, int seconds, int warmUps, int blocks) throws SQLException {
        List<Long> rooms = ChatInspection.through(context.cluster().coordinator1()).roomIds();
        Duration duration = Duration.ofSeconds(seconds);
        Map<Endpoint, Integer> alone = Map.of(context.cluster().coordinator1(), readers);
        Map<Endpoint, Integer> both = Map.of(context.cluster().coordinator1(), readers / 2, context.cluster().coordinator2(), readers - readers / 2);
        long seed = Long.getLong("cucumber.execution.order.random.seed", System.nanoTime());
        Map<Endpoint, Integer> sessions = new java.util.HashMap<>(alone);
        both.forEach((entry, n) -> sessions.merge(entry, n, Math::max));
        try (ReadTrials runner = ReadTrials.open(sessions, rooms)) {
            trials = DesignedComparison.run(seed, warmUps, blocks, (t, control) -> {
                String label = DesignedComparison.label(t, control, "coordinator-1 alone", "both coordinators");
                return runner.run(label, DesignedComparison.runsB(t, control) ? both : alone, duration);
            });
        }
        trials.runs().forEach(r -> context.report(r.result().toString()));
    }

    @Then("the demo's claim of {string} {statedVerdict} for the coordinators, judged by the interval of the ratio of reads per second through both coordinators to through one: held when all of it is at or above {double}, not held when all of it is below it")
    public void readVerdict(String words, Verdict stated, double counts) {
        assertThat(trials).as("the read trials of this scenario").isNotNull();
        assertThat(trials.runs()).as("failed reads in the trials")
                .allSatisfy(r -> assertThat(r.result().failures()).as(r.result().toString()).isZero());
        trials.runs().forEach(r -> Figures.record(String.format(Locale.ROOT, "read-throughput.%strial-%02d-%s%s", r.control() ? "control-" : "",
                r.trial().index(), r.trial().arm(), r.trial().warmUp() ? "-warm-up" : ""), String.format(Locale.ROOT, "%.1f/s", r.result().perSecond())));
        DesignedComparison.Outcome o = trials.judge(new ComparisonRule(counts, "reads per second, both coordinators over coordinator-1 alone:"),
                ReadTrials.Trial::perSecond);
        Figures.record("read-throughput.interval", o.comparison().interval().toString());
        Figures.record("read-throughput.control-interval", o.control().interval().toString());
        context.claimAsStated(SeedClaim.withWords(words), stated, o.found(), "for the coordinators: " + o.evidence()
                + "; for the workers see the reads served per copy (data_placement.feature)");
    }
}
