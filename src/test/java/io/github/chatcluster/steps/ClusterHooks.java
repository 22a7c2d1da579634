package io.github.chatcluster.steps;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.github.chatcluster.catalog.ClusterOperator;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterHolder;
import io.github.chatcluster.cluster.embedded.CpuLimit;
import io.github.chatcluster.health.HealthyBaseline;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.ScenarioOrder;

/**
 * One cluster for the run. Every scenario starts from a cluster that is checked healthy (and repaired where it
 * is not) whatever ran before it; every fault a scenario injected ends with the scenario.
 */
public class ClusterHooks {

    private static int checks;
    private static int repairs;
    /** The scenario that left the cluster damaged on purpose (the repair test), until the next check repaired it. */
    private static String damageLeftBy;

    private final ScenarioContext context;

    public ClusterHooks(ScenarioContext context) {
        this.context = context;
    }

    @BeforeAll
    public static void freshFigures() {
        Figures.startRun();
        Figures.record("run.scenario-order", ScenarioOrder.describe());
        Figures.record("run.cpu-limit", CpuLimit.describe());
    }

    @Before(order = 0)
    public void startFromAHealthyCluster(Scenario scenario) {
        boolean startsNow = !ClusterHolder.isStarted();
        ChatCluster cluster = ClusterHolder.get();
        context.begin(cluster, scenario);
        String notRun = whyNotRun(cluster, scenario);
        if (notRun != null) {
            recordNotRun(scenario.getName(), notRun);
            throw new org.opentest4j.TestAbortedException("NOT RUN: " + notRun);
        }
        if (startsNow) {
            scenario.log(cluster.timings().summary());
            Figures.record("cluster.ready-seconds",
                    String.format("%.1f", cluster.timings().toReady().toMillis() / 1000.0));
        }
        HealthyBaseline.Outcome outcome;
        try {
            outcome = new HealthyBaseline(cluster).establish();
        } catch (HealthyBaseline.ClusterUnhealthyException e) {
            ClusterHolder.discard();
            throw e;
        }
        context.baseline(outcome);
        scenario.log(outcome.text());
        recordBaseline(scenario.getName(), outcome);
        if (damageLeftBy != null) {
            String by = damageLeftBy;
            damageLeftBy = null;
            recordRepairTest(by, "before '" + scenario.getName() + "'", outcome);
        }
    }

    private static int notRun;

    /**
     * Why this scenario cannot run on this cluster, or null: a scenario tagged @faults needs a fault driver that can
     * hurt the cluster; one tagged @embedded measures the suite's own start-up.
     */
    private static String whyNotRun(ChatCluster cluster, Scenario scenario) {
        var tags = scenario.getSourceTagNames();
        if (tags.contains("@faults") && !cluster.faultDriver().canInjectFaults()) {
            return "it injects faults, and the fault driver of this cluster is '" + cluster.faultDriver().name()
                    + "' (external mode; give -Dcluster.faults=docker to run it on a cluster that may be hurt)";
        }
        if (tags.contains("@embedded") && !(cluster instanceof io.github.chatcluster.cluster.embedded.EmbeddedCluster)) {
            return "it measures the start-up of the suite's own cluster, and this run uses an external cluster";
        }
        return null;
    }

    private static synchronized void recordNotRun(String scenarioName, String why) {
        notRun++;
        Figures.record(String.format("not-run.%02d", notRun), scenarioName + ": " + why);
        Figures.record("not-run.count", String.valueOf(notRun));
    }

    /** For the repair test: the scenario that calls this leaves its damage in place when it ends. */
    static synchronized void leaveDamagedForTheNextScenario(String scenarioName) {
        damageLeftBy = scenarioName;
    }

    private static void recordRepairTest(String by, String when, HealthyBaseline.Outcome outcome) {
        if (outcome.wasHealthy()) {
            Figures.record("baseline.repair-test", "FAILED: '" + by + "' left the cluster damaged, but the check " + when
                    + " found it healthy");
            throw new AssertionError("'" + by + "' left the cluster damaged on purpose, but the check " + when
                    + " found nothing wrong: the check before every scenario does not see that damage.");
        }
        Figures.record("baseline.repair-test", "the damage '" + by + "' left was found and repaired " + when + " in "
                + String.format(java.util.Locale.ROOT, "%.1f s", outcome.took().toMillis() / 1000.0) + ": " + outcome.found());
    }

    private static synchronized void recordBaseline(String scenarioName, HealthyBaseline.Outcome outcome) {
        checks++;
        if (!outcome.wasHealthy()) {
            repairs++;
            // Which scenario found the cluster damaged, and how: where scenarios leave damage behind.
            Figures.record(String.format("baseline.repair.%02d", repairs), "before '" + scenarioName + "': "
                    + String.join("; ", outcome.found()) + String.format(java.util.Locale.ROOT, " (repaired in %.1f s)",
                    outcome.took().toMillis() / 1000.0));
        }
        Figures.record("baseline.checks", String.valueOf(checks));
        Figures.record("baseline.repaired-before-a-scenario", String.valueOf(repairs));
    }

    /** Ends the scenario's faults (containers started, unpaused, reconnected) and recovers a damaged coordinator's 2PC. */
    /** The demo's claims this scenario judged count only when it passed (runs before the faults are ended). */
    @After(order = 1)
    public void settleTheClaims(Scenario scenario) {
        context.settleClaims(!scenario.isFailed(), scenario.isFailed() ? "see its failed step" : "");
    }

    @After(order = 0)
    public void endTheScenariosFaults(Scenario scenario) {
        if (!context.hasCluster() || !ClusterHolder.isStarted()) {
            return;
        }
        ChatCluster cluster = context.cluster();
        if (scenario.getName().equals(damageLeftBy) && !scenario.isFailed()) {
            scenario.log("the cluster is left damaged on purpose: the check before the next scenario must repair it");
            return;
        }
        damageLeftBy = null;
        Set<String> damaged = cluster.faults().damagedNodes();
        if (scenario.isFailed()) {
            Set<String> nodes = new LinkedHashSet<>(List.of(ChatCluster.LOAD_BALANCER));
            nodes.addAll(damaged);
            for (String node : nodes) {
                scenario.attach(cluster.lastLogLines(node, 40), "text/plain", "last log lines of " + node);
            }
        }
        try {
            List<String> healed = cluster.faults().healAll();
            if (!healed.isEmpty()) {
                scenario.log("faults ended with the scenario: " + healed);
            }
            for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
                if (damaged.contains(coordinator)) {
                    ClusterOperator.recoverTwoPhaseCommits(cluster.endpoint(coordinator));
                }
            }
        } catch (RuntimeException e) {
            scenario.log("could not end every fault of this scenario (" + e.getMessage()
                    + "); the check before the next scenario repairs what is left");
        }
    }

    @AfterAll
    public static void removeTheCluster() {
        if (damageLeftBy != null && ClusterHolder.isStarted()) {
            // The repair test ran last: the check that would have run before a next scenario runs now.
            String by = damageLeftBy;
            damageLeftBy = null;
            recordRepairTest(by, "after the last scenario", new HealthyBaseline(ClusterHolder.get()).establish());
        }
        ClusterHolder.shutdown();
    }
}
