package io.github.chatcluster.steps;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.List;

import io.github.chatcluster.catalog.ClusterOperator;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterHolder;

/** One cluster for the run; every scenario starts from a healthy one. */
public class ClusterHooks {

    private final ScenarioContext context;

    public ClusterHooks(ScenarioContext context) {
        this.context = context;
    }

    @BeforeAll
    public static void freshFigures() {
        io.github.chatcluster.report.Figures.startRun();
    }

    @Before(order = 0)
    public void useTheCluster(Scenario scenario) {
        boolean startsNow = !ClusterHolder.isStarted();
        ChatCluster cluster = ClusterHolder.get();
        context.begin(cluster, scenario);
        if (startsNow) {
            scenario.log(cluster.timings().summary());
            io.github.chatcluster.report.Figures.record("cluster.ready-seconds",
                    String.format("%.1f", cluster.timings().toReady().toMillis() / 1000.0));
        }
    }

    /** Containers first (started, unpaused, reconnected), then Citus (nodes active, shards with 2 copies). */
    @After(order = 0)
    public void restoreTheCluster(Scenario scenario) {
        if (!context.hasCluster()) {
            return;
        }
        ChatCluster cluster = context.cluster();
        if (scenario.isFailed()) {
            java.util.Set<String> nodes = new java.util.LinkedHashSet<>(List.of(ChatCluster.LOAD_BALANCER));
            nodes.addAll(cluster.faults().damagedNodes());
            for (String node : nodes) {
                scenario.attach(cluster.lastLogLines(node, 40), "text/plain", "last log lines of " + node);
            }
        }
        java.util.Set<String> damagedNodes = cluster.faults().damagedNodes();
        boolean damaged = !damagedNodes.isEmpty();
        if (damaged) {
            scenario.log("restoring " + damagedNodes);
            cluster.faults().healAll();
            for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
                if (damagedNodes.contains(coordinator)) {
                    ClusterOperator.recoverTwoPhaseCommits(cluster.endpoint(coordinator));
                }
            }
        }
        ClusterOperator operator = new ClusterOperator(cluster.coordinator1());
        if (damaged || !operator.inactiveNodes().isEmpty()) {
            List<String> repairs = operator.restore(ChatCluster.SHARD_COPIES);
            if (!repairs.isEmpty()) {
                scenario.log("cluster repaired: " + repairs);
            }
        }
    }

    @AfterAll
    public static void removeTheCluster() {
        ClusterHolder.shutdown();
    }
}
