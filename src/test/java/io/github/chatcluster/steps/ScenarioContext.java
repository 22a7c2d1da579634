package io.github.chatcluster.steps;

import java.util.ArrayList;
import java.util.List;

import io.cucumber.java.Scenario;
import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.report.ClaimSettlement;
import io.github.chatcluster.report.ExpectedVerdict;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** What one scenario shares between its steps; a new one for every scenario (picocontainer). */
public class ScenarioContext {

    private ChatCluster cluster;
    private Scenario scenario;
    /** Rooms the scenario's background wrote, in the order they were written. */
    private final List<Long> rooms = new ArrayList<>();
    /** Every write the cluster acknowledged in this scenario. */
    private final AckLog acks = new AckLog();
    private final FaultTimeline timeline = new FaultTimeline();
    /** The writes the last When step tried, for the Then steps that judge them. */
    private List<io.github.chatcluster.app.WriteAttempt> attempts = List.of();
    /** What the check before this scenario found and repaired. */
    private io.github.chatcluster.health.HealthyBaseline.Outcome baseline;
    /** The scenario's places on the machine, taken before anything else of it. */
    private io.github.chatcluster.schedule.Pass places;

    public List<Long> rooms() {
        return rooms;
    }

    public AckLog acks() {
        return acks;
    }

    /** The writes the last When step that tried writes tried, in order. */
    public List<io.github.chatcluster.app.WriteAttempt> attempts() {
        return attempts;
    }

    /** Keeps the writes a When step tried (and reports each), for the Then steps that judge them. */
    public void attempted(List<io.github.chatcluster.app.WriteAttempt> tried) {
        attempts = List.copyOf(tried);
        tried.forEach(a -> report("tried " + a));
    }

    /** The scenario's fault: what it is, when it was injected, when the node was back. */
    public FaultTimeline timeline() {
        return timeline;
    }

    io.github.chatcluster.health.HealthyBaseline.Outcome baseline() {
        return baseline;
    }

    void baseline(io.github.chatcluster.health.HealthyBaseline.Outcome outcome) {
        this.baseline = outcome;
    }

    void tookPlaces(io.github.chatcluster.schedule.Pass pass) {
        this.places = pass;
    }

    /** The scenario's places on the machine (a quiet stretch may lend some of them). */
    public io.github.chatcluster.schedule.Pass places() {
        if (places == null) {
            throw new IllegalStateException("the scenario has no places on the machine");
        }
        return places;
    }

    public ChatCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster was not started for this scenario");
        }
        return cluster;
    }

    void begin(ChatCluster cluster, Scenario scenario) {
        this.cluster = cluster;
        this.scenario = scenario;
    }

    public String scenarioName() {
        return scenario.getName();
    }

    /** The scenario gave its cluster back before it ran (it is not run): its hooks leave the cluster alone. */
    void forgetCluster() {
        this.cluster = null;
    }

    boolean hasCluster() {
        return cluster != null;
    }

    /** A text (a table, a log) in the scenario's report. */
    public void attachText(String name, String text) {
        scenario.attach(text, "text/plain", name);
    }

    /** An SVG picture in the scenario's report. */
    public void attachPicture(String name, String svg) {
        scenario.attach(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8), "image/svg+xml", name);
    }

    /** A verdict a step reached on one of the demo's claims, and the step that reached it (see {@link ClaimSettlement}). */
    private record PendingClaim(SeedClaim claim, Verdict verdict, String evidence, int step) {
    }

    /** The index of the step running now (0 for the first), and of the first step that failed (-1 while none has). */
    private int step;
    private int failedStep = -1;

    /** After each step: the next one starts; the first that failed is remembered. */
    void stepEnded(boolean scenarioFailed) {
        if (scenarioFailed && failedStep < 0) {
            failedStep = step;
        }
        step++;
    }

    private final List<PendingClaim> pendingClaims = new ArrayList<>();

    /**
     * A verdict the feature states: what the run found goes into the ledger as it is, and when it is not what the
     * feature states, this step fails with "the claim ... changed from ... to ..." ({@link ExpectedVerdict}).
     */
    public void claimAsStated(SeedClaim claim, Verdict stated, Verdict found, String evidence) {
        found(claim, found, evidence);
        String changed = ExpectedVerdict.changed(claim, stated, found, evidence);
        if (changed != null) {
            throw new AssertionError(changed);
        }
    }

    private void found(SeedClaim claim, Verdict verdict, String evidence) {
        pendingClaims.add(new PendingClaim(claim, verdict, evidence, step));
        report("finding on the demo's claim \"" + claim.words() + "\" (counts unless a later step fails): " + verdict + ": " + evidence);
    }

    /**
     * At the end of the scenario: a verdict counts when the scenario passed, or failed in the step that reached the
     * verdict (that step states the claim and checks it); a later step that failed, for another reason, leaves it
     * "not decided" ({@link ClaimSettlement}).
     */
    void settleClaims(boolean passed, String failure) {
        for (PendingClaim pending : pendingClaims) {
            String line;
            if (!ClaimSettlement.counts(passed, failedStep, pending.step())) {
                line = Figures.notDecided(pending.claim(), "the scenario \"" + scenarioName() + "\" failed in a later step than"
                        + " the one that found the claim " + pending.verdict() + " (" + failure + ")", scenarioName());
            } else if (pending.verdict() == Verdict.NOT_DECIDED) {
                line = Figures.notDecided(pending.claim(), pending.evidence(), scenarioName());
            } else {
                line = Figures.claim(pending.claim(), pending.verdict() == Verdict.HELD, pending.evidence(), scenarioName());
            }
            attachText("Claim of the original demo: " + pending.claim().words(), line);
        }
        pendingClaims.clear();
    }

    /** A line in the scenario's report. */
    public void report(String text) {
        scenario.log(text);
    }
}
