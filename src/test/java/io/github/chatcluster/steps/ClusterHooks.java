package io.github.chatcluster.steps;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterHolder;

/** One cluster for the run; every scenario starts from a healthy one. */
public class ClusterHooks {

    private final ScenarioContext context;

    public ClusterHooks(ScenarioContext context) {
        this.context = context;
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

    @After(order = 0)
    public void restoreDamagedNodes(Scenario scenario) {
        if (context.hasCluster() && !context.cluster().faults().damagedNodes().isEmpty()) {
            scenario.log("restoring " + context.cluster().faults().damagedNodes());
            context.cluster().faults().healAll();
        }
    }

    @AfterAll
    public static void removeTheCluster() {
        ClusterHolder.shutdown();
    }
}
