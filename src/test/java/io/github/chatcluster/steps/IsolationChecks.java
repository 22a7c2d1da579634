package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import io.cucumber.java.en.Then;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.isolation.Anomaly;
import io.github.chatcluster.isolation.FinalReads;
import io.github.chatcluster.isolation.ListAppendWorkload;
import io.github.chatcluster.isolation.ListAppendChecker;
import io.github.chatcluster.isolation.ListAppendReport;
import io.github.chatcluster.isolation.Txn;
import io.github.chatcluster.report.ConvergenceVerdict;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** What the isolation feature looks at: the history, written for offline checking, and what the checker finds in it. */
public class IsolationChecks {

    private final ScenarioContext context;
    private final IsolationWork work;

    public IsolationChecks(ScenarioContext context, IsolationWork work) {
        this.context = context;
        this.work = work;
    }

    private List<Txn> history() {
        assertThat(work.workload).as("a workload run by this scenario").isNotNull();
        return work.workload.history();
    }

    private ListAppendReport report() {
        return ListAppendChecker.check(history(), work.finalReads);
    }

    @Then("the history is kept in Jepsen's format, and the report shows its transactions, their outcomes, the anomalies found by class with an explained example of each, and the strongest isolation level consistent with it")
    public void theHistoryIsReported() {
        String name = Figures.key(context.scenarioName()).toLowerCase(Locale.ROOT);
        Path file = IsolationWork.historyFile(context.scenarioName());
        long started = System.nanoTime();
        ListAppendReport report = report();
        context.report(report + String.format(Locale.ROOT, "%n(checked in %.2f s; history: %s)", (System.nanoTime() - started) / 1e9, file));
        Figures.record("isolation." + name + ".transactions", String.valueOf(report.ok() + report.failed() + report.unknown()));
        Figures.record("isolation." + name + ".level", report.level().toString());
        report.counts().forEach((kind, n) -> Figures.record("isolation." + name + ".anomalies." + kind, String.valueOf(n)));
    }

    @Then("the strongest isolation level consistent with the history is {isolationLevel}")
    public void theLevelIs(io.github.chatcluster.isolation.Level level) {
        ListAppendReport report = report();
        assertThat(report.level()).as("the strongest level consistent with the history:\n%s", report).isEqualTo(level);
    }

    @Then("the strongest isolation level consistent with the history is {isolationLevel} or stronger")
    public void theLevelIsAtLeast(io.github.chatcluster.isolation.Level level) {
        ListAppendReport report = report();
        assertThat(report.level().compareTo(level)).as("the strongest level consistent with the history, %s, against %s:\n%s",
                report.level(), level, report).isLessThanOrEqualTo(0);
    }

    @Then("the checker finds {anomalyKind} in it")
    public void theCheckerFinds(Anomaly.Kind kind) {
        ListAppendReport report = report();
        assertThat(report.kinds()).as("the anomalies found:\n%s", report).contains(kind);
    }

    @Then("no acknowledged append is lost, and no value is read twice or read that no transaction appended")
    public void noAppendIsLost() {
        ListAppendReport report = report();
        assertThat(work.finalReads).as("final reads of every key").isNotEmpty();
        assertThat(report.kinds()).as("the anomalies found:\n%s", report)
                .doesNotContain(Anomaly.Kind.LOST_APPEND, Anomaly.Kind.DUPLICATE, Anomaly.Kind.GARBAGE);
    }

    @Then("the demo's claim {string} {statedVerdict}, judged by whether the final reads through coordinator-1 and coordinator-2 found every acknowledged append and agreed on every key, and both copies of every shard of isolation_lists held the same lists")
    public void convergenceJudged(String words, Verdict stated) {
        ListAppendReport report = report();
        FinalReads.Agreement agreement = FinalReads.compare(history(), work.finalReads);
        Map<String, Map<String, String>> copies = new DataPlacement(context.cluster()).copyFingerprints(ListAppendWorkload.TABLE);
        long differing = DataPlacement.shardsWhoseCopiesDiffer(copies);
        int lost = report.counts().getOrDefault(Anomaly.Kind.LOST_APPEND, 0);
        Verdict found = ConvergenceVerdict.of(agreement.keys(), agreement.disagreements().size(), agreement.failedReads(), lost, copies.size(), (int) differing);
        context.claimAsStated(SeedClaim.withWords(words), stated, found, String.format(Locale.ROOT,
                "for %d list-append transactions (%s), then final reads: %s; %d acknowledged appends"
                        + " missing from them; %d of %d shards of %s with copies that differ",
                history().size() - work.finalReads.size(), context.timeline().fault(), agreement, lost, differing, copies.size(), ListAppendWorkload.TABLE));
    }

    @Then("no transaction ran into its statement bound \\(57014): each deadlock between them was broken, with 40P01, before it")
    public void deadlocksWereBroken() {
        Map<String, Integer> failures = work.workload.failures();
        context.report("transactions that failed or ended unknown, by SQLSTATE: " + failures + " (40P01: refused to break a deadlock;"
                + " 40001: a serialization failure at repeatable read)");
        assertThat(failures).as("transactions that failed, by SQLSTATE: one that waited out its statement bound (57014) was in a"
                + " deadlock nobody broke, or waited behind one").doesNotContainKey("57014");
    }
}
