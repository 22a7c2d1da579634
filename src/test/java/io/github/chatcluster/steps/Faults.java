package io.github.chatcluster.steps;

import java.time.Instant;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.FailureKind;


/** The fault kinds of the features, in their words. */
final class Faults {

    private Faults() {
    }

    /** Injects the fault and returns the moment just before it was injected (the start of every failover clock). */
    static Instant inject(ChatCluster cluster, String node, FailureKind how) {
        Instant before = Instant.now();
        how.inject(cluster.faults(), node);
        return before;
    }

    /** Injects the fault and records it, with that moment, as the scenario's fault. */
    static void inject(ScenarioContext context, String node, FailureKind how) {
        context.timeline().faultInjectedAt(inject(context.cluster(), node, how));
        context.timeline().fault(FaultInForce.on(node, how.toString()));
    }

    /** Cuts every packet between the two nodes, and records it, with that moment, as the scenario's fault. */
    static void cutLink(ScenarioContext context, String node, String peer) {
        context.timeline().faultInjectedAt(Instant.now());
        context.timeline().fault(new FaultInForce(java.util.List.of(node, peer), "the link between " + node + " and " + peer + " cut"));
        context.cluster().packetFaults().cutLink(node, peer);
    }
}
