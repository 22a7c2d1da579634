package io.github.chatcluster.steps;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterHolder;
import io.github.chatcluster.health.HealthyBaseline;

/** The check before every scenario, one piece of code for the hook and for the repair feature's step. */
final class BaselineCheck {

    private BaselineCheck() {
    }

    /** Checks and repairs the cluster; when it cannot be made healthy, the cluster is discarded (the next scenario gets a new one). */
    static HealthyBaseline.Outcome beforeScenario(ChatCluster cluster) {
        try {
            return new HealthyBaseline(cluster).establish();
        } catch (HealthyBaseline.ClusterUnhealthyException e) {
            ClusterHolder.discard(cluster);
            throw e;
        }
    }
}
