package io.github.chatcluster.steps;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.AfterStep;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterHolder;
import io.github.chatcluster.cluster.ClusterParallelism;
import io.github.chatcluster.report.ScenarioPlaces;
import io.github.chatcluster.cluster.embedded.CpuLimit;
import io.github.chatcluster.health.HealthyBaseline;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.ScenarioOrder;

/**
 * One cluster for the run. Every scenario starts from a cluster that is checked healthy (and repaired where it
 * is not) whatever ran before it; every fault a scenario injected ends with the scenario.
 */
public class ClusterHooks {

    private static final io.github.chatcluster.health.CheckTimes CHECK_TIMES = new io.github.chatcluster.health.CheckTimes();

    private final ScenarioContext context;

    public ClusterHooks(ScenarioContext context) {
        this.context = context;
    }

    @BeforeAll
    public static void freshFigures() {
        Figures.startRun();
        Figures.record("run.scenario-order", ScenarioOrder.describe());
        Figures.record("run.cpu-limit", CpuLimit.describe());
        Figures.record("run.clusters", ClusterParallelism.describe());
        ClusterParallelism.calibration().ifPresent(c -> {
            Figures.record("run.calibration", c.describe());
            Figures.record("machine.one-node-start-seconds", Double.isNaN(c.speedFigure()) ? "not measured"
                    : String.format(java.util.Locale.ROOT, "%.1f", c.speedFigure()));
            Figures.record("machine.idle-cores-before-the-run", String.format(java.util.Locale.ROOT, "%.2f", c.idleCores()));
        });
    }

    @Before(order = 0)
    public void startFromAHealthyCluster(Scenario scenario) {
        ChatCluster cluster = ownOrBorrowed(scenario);
        context.begin(cluster, scenario);
        String name = ClusterHolder.nameOf(cluster);
        ScenarioPlaces.ranOn(scenario.getId(), name);
        Figures.count("run.scenarios-on." + name);
        String notRun = whyNotRun(cluster, scenario);
        if (notRun != null) {
            recordNotRun(scenario.getName(), notRun);
            context.forgetCluster(); // untouched: the next scenario may have it at once, and no hook of this one touches it
            ClusterHolder.giveBackOrRemove(cluster);
            throw new org.opentest4j.TestAbortedException("NOT RUN: " + notRun);
        }
        scenario.log("on " + name + " (" + ClusterParallelism.describe() + ")");
        if (ClusterHolder.firstScenarioOn(cluster)) {
            scenario.log(name + ": " + cluster.timings().summary());
            Figures.record("cluster.ready-seconds." + name, Figures.seconds(cluster.timings().toReady()));
        }
        HealthyBaseline.Outcome outcome = BaselineCheck.beforeScenario(cluster);
        context.baseline(outcome);
        scenario.log(outcome.text());
        recordBaseline(scenario.getName(), outcome);
    }

    /** A cluster of the run's, or for a scenario tagged @upgrade one of its own, started from the old release. */
    private static ChatCluster ownOrBorrowed(Scenario scenario) {
        if (!scenario.getSourceTagNames().contains("@upgrade")) {
            return ClusterHolder.borrow();
        }
        String notRun = io.github.chatcluster.upgrade.UpgradeCluster.whyNotRun();
        if (notRun != null) {
            recordNotRun(scenario.getName(), notRun);
            throw new org.opentest4j.TestAbortedException("NOT RUN: " + notRun);
        }
        return io.github.chatcluster.upgrade.UpgradeCluster.start();
    }

    /**
     * Why this scenario cannot run on this cluster, or null: a scenario tagged @faults needs a fault driver that can
     * hurt the cluster; one tagged @embedded measures the suite's own start-up.
     */
    private static String whyNotRun(ChatCluster cluster, Scenario scenario) {
        var tags = scenario.getSourceTagNames();
        if (tags.contains("@faults") && !cluster.faultDriver().canInjectFaults()) {
            return "it injects faults, and the fault driver of this cluster is '" + cluster.faultDriver().kind()
                    + "' (external mode; give -Dcluster.faults=docker to run it on a cluster that may be hurt)";
        }
        if (tags.contains("@spare-worker") && cluster.spareWorker().isEmpty()) {
            return "it adds a worker, and this cluster has no spare one (external mode: name it in the cluster file,"
                    + " spare.worker-5 = host:port)";
        }
        if (tags.contains("@embedded") && !(cluster instanceof io.github.chatcluster.cluster.embedded.EmbeddedCluster)) {
            return "it measures the start-up of the suite's own cluster, and this run uses an external cluster";
        }
        return null;
    }

    private static void recordNotRun(String scenarioName, String why) {
        Figures.numbered("not-run", scenarioName + ": " + why);
        Figures.count("not-run.count");
    }

    private static void recordBaseline(String scenarioName, HealthyBaseline.Outcome outcome) {
        Figures.count("baseline.checks");
        if (!outcome.wasHealthy()) {
            Figures.count("baseline.repaired-before-a-scenario");
            // Which scenario found the cluster damaged, and how: where scenarios leave damage behind.
            Figures.numbered("baseline.repair", "before '" + scenarioName + "': "
                    + String.join("; ", outcome.found()) + String.format(java.util.Locale.ROOT, " (repaired in %.1f s)",
                    outcome.took().toMillis() / 1000.0));
        }
        CHECK_TIMES.add(outcome);
        Figures.record("baseline.check-seconds.healthy", CHECK_TIMES.describe(true));
        Figures.record("baseline.check-seconds.repaired", CHECK_TIMES.describe(false));
        Figures.record("baseline.check-seconds.healthy-by-condition", CHECK_TIMES.describeConditions());
    }

    @AfterStep
    public void countTheStep(Scenario scenario) {
        context.stepEnded(scenario.isFailed());
    }

    /** The demo's claims this scenario judged count only when it passed (runs before the faults are ended). */
    @After(order = 3)
    public void settleTheClaims(Scenario scenario) {
        context.settleClaims(!scenario.isFailed(), scenario.isFailed() ? "see its failed step" : "");
    }

    /**
     * Ends the scenario's faults (the logs of the load balancer, both coordinators and the nodes it damaged are attached first when it failed); a feature's own
     * clean-up runs after this (order 1), and then the cluster is given back.
     */
    @After(order = 2)
    public void endTheScenariosFaults(Scenario scenario) {
        if (context.hasCluster() && ClusterHolder.isInUse(context.cluster())) {
            endFaults(scenario, context.cluster());
        }
    }

    /** Gives the scenario's cluster back for the next scenario (when it was not removed); removes one of its own. */
    @After(order = 0)
    public void giveTheClusterBack() {
        if (context.hasCluster()) {
            ClusterHolder.giveBackOrRemove(context.cluster());
        }
    }

    private void endFaults(Scenario scenario, ChatCluster cluster) {
        Set<String> damaged = cluster.faults().damagedNodes();
        if (scenario.isFailed()) {
            // the coordinators' too, fault or not: a refusal with no fault in force is explained there (a kept
            // connection that the kernel ended, a connection that could not be set up in time)
            Set<String> nodes = new LinkedHashSet<>(List.of(ChatCluster.LOAD_BALANCER, ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2));
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
                    io.github.chatcluster.operations.ClusterOperations.forRepairs(cluster.endpoint(coordinator)).recoverTwoPhaseCommits();
                }
            }
        } catch (RuntimeException e) {
            scenario.log("could not end every fault of this scenario (" + e.getMessage()
                    + "); the check before the next scenario repairs what is left");
        }
    }

    @AfterAll
    public static void removeTheCluster() {
        leaveExternalClustersAsFound();
        Figures.total("run.clusters-started", String.valueOf(ClusterHolder.clustersStarted()));
        ClusterHolder.shutdown();
    }

    /**
     * A cluster the suite did not start is left as the run found it: what the last scenario changed (a worker that
     * takes no shards, a job, a fault's traces) is repaired by the same check that runs before every scenario.
     */
    private static void leaveExternalClustersAsFound() {
        for (ChatCluster cluster : ClusterHolder.idle()) {
            if (cluster instanceof io.github.chatcluster.cluster.external.ExternalCluster) {
                try {
                    HealthyBaseline.Outcome outcome = new HealthyBaseline(cluster).establish();
                    if (!outcome.wasHealthy()) {
                        System.out.println("After the last scenario, the external cluster was repaired as before every scenario: "
                                + String.join("; ", outcome.repairs()));
                    }
                    Figures.record("run.external-cluster-left", outcome.wasHealthy() ? "healthy" : "repaired: " + outcome.found());
                } catch (RuntimeException e) {
                    System.out.println("After the last scenario, the external cluster could not be made healthy: " + e.getMessage());
                    Figures.record("run.external-cluster-left", "NOT healthy: " + io.github.chatcluster.cluster.Text.firstLine(e.getMessage()));
                }
            }
        }
    }
}
