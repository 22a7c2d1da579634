package io.github.chatcluster.cluster.faults;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.LoadBalancerRouting;

/**
 * Damage done behind the suite's back, for the test of the check that runs before every scenario: nothing
 * here is remembered by {@link NodeFaults}, so only a check of the cluster's real state can find it.
 */
public final class DeliberateDamage {

    private final ChatCluster cluster;

    public DeliberateDamage(ChatCluster cluster) {
        this.cluster = cluster;
    }

    public void pause(String node) {
        cluster.faultDriver().pauseBehindTheSuitesBack(node);
    }

    /**
     * Makes nginx see a failed connection to the coordinator (its port refuses for a moment, while new clients
     * come through the load balancer), then lets the coordinator accept connections again: nginx keeps it out of
     * its rotation for a while although it is fine. Returns where the clients went.
     */
    public String takeOutOfRotation(String coordinator) {
        cluster.packetFaults().refuseConnections(coordinator);
        LoadBalancerRouting routing = new LoadBalancerRouting(cluster);
        LoadBalancerRouting.Probe whileRefusing = routing.probe(2);
        cluster.packetFaults().healAll();
        LoadBalancerRouting.Probe after = routing.probe(4);
        if (after.landedOn().contains(coordinator)) {
            throw new IllegalStateException("the load balancer did not take " + coordinator + " out of its rotation: "
                    + "while it refused, clients went to " + whileRefusing.landedOn() + "; after, to " + after.landedOn());
        }
        return "while " + coordinator + " refused connections, new clients went to " + whileRefusing.landedOn()
                + "; once it accepted them again, the next ones still went to " + after.landedOn();
    }
}
