package io.github.chatcluster.health;

import io.github.chatcluster.cluster.NodeSessions;
import java.util.List;

import io.github.chatcluster.cluster.LoadBalancerRouting;

/** New connections through the load balancer reach both coordinators. */
final class LoadBalancerReachesBoth implements Condition {

    @Override
    public String what() {
        return "the load balancer's routing";
    }

    /** Looked at first, and in every pass: its finding is lost once nginx takes a coordinator back by itself. */
    @Override
    public boolean isBasic() {
        return true;
    }

    @Override
    public List<String> problems(NodeSessions s) {
        LoadBalancerRouting.Probe probe = new LoadBalancerRouting(s.cluster()).probeTwoAtOnce(LoadBalancerRouting.PROBES, 2);
        return probe.reachesBothCoordinators() ? List.of() : List.of(probe.problem());
    }

    @Override
    public List<String> repair(NodeSessions s) {
        new LoadBalancerRouting(s.cluster()).forgetFailures();
        return List.of("made the load balancer forget its failed connections (a configuration reload, SIGHUP)");
    }
}
