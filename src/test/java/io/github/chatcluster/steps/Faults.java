package io.github.chatcluster.steps;

import java.time.Instant;

import io.github.chatcluster.cluster.ChatCluster;

/** The fault kinds of the features, in their words. */
final class Faults {

    private Faults() {
    }

    /** Injects the fault and returns the moment just before it was injected (the start of every failover clock). */
    static Instant inject(ChatCluster cluster, String node, String how) {
        Instant before = Instant.now();
        switch (how) {
            case "stopped cleanly" -> cluster.faults().stop(node);
            case "killed" -> cluster.faults().kill(node);
            case "paused" -> cluster.faults().pause(node);
            case "disconnected from the network" -> cluster.faults().disconnect(node);
            default -> throw new IllegalArgumentException("unknown fault: " + how);
        }
        return before;
    }
}
