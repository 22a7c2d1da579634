package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.ReadTrials;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.ReadThroughputVerdict;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** Read throughput through coordinator-1 alone and through both coordinators, in alternating trials. */
public class ReadBenchmarkSteps {

    private final ScenarioContext context;
    private final List<ReadTrials.Trial> alone = new ArrayList<>();
    private final List<ReadTrials.Trial> both = new ArrayList<>();

    public ReadBenchmarkSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("{int} trials of {int} seconds each alternate {int} readers through coordinator-1 alone with {int} readers through each coordinator, each reading the latest 20 messages of one sample room after another")
    public void alternatingReadTrials(int count, int seconds, int readersAlone, int readersEach) throws SQLException {
        List<Long> rooms = ChatInspection.through(context.cluster().coordinator1()).roomIds();
        Duration duration = Duration.ofSeconds(seconds);
        var c1 = context.cluster().coordinator1();
        var c2 = context.cluster().coordinator2();
        for (int i = 1; i <= count; i++) {
            alone.add(ReadTrials.run("trial " + i + ", coordinator-1 alone", Map.of(c1, readersAlone), rooms, duration));
            both.add(ReadTrials.run("trial " + i + ", both coordinators", Map.of(c1, readersEach, c2, readersEach), rooms, duration));
        }
        alone.forEach(t -> context.report(t.toString()));
        both.forEach(t -> context.report(t.toString()));
    }

    @Then("the report shows the reads per second of each trial, and the verdict on the demo's claim of {string} for the coordinators")
    public void readVerdict(String words) {
        assertThat(alone).as("trials run").isNotEmpty();
        List<ReadTrials.Trial> all = new ArrayList<>(alone);
        all.addAll(both);
        assertThat(all).as("failed reads in the trials").allSatisfy(t -> assertThat(t.failures()).as(t.toString()).isZero());
        List<Double> one = alone.stream().map(ReadTrials.Trial::perSecond).sorted().toList();
        List<Double> two = both.stream().map(ReadTrials.Trial::perSecond).sorted().toList();
        all.forEach(t -> Figures.record("read-throughput." + Figures.key(t.label()), String.format(Locale.ROOT, "%.1f/s", t.perSecond())));
        ReadThroughputVerdict.Judgement j = ReadThroughputVerdict.judge(one, two);
        String figures = String.format(Locale.ROOT, "for the coordinators: coordinator-1 alone %s reads/s, both coordinators %s reads/s (%s); for the"
                + " workers see the reads served per copy (data_placement.feature)", rounded(one), rounded(two), j.why());
        if (j.verdict() == Verdict.NOT_DECIDED) {
            context.claimNotDecided(SeedClaim.withWords(words), figures);
        } else {
            context.claim(SeedClaim.withWords(words), j.verdict() == Verdict.HELD, figures);
        }
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }
}
