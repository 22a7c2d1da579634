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

    /** Drops every packet to and from the node, and records it, with that moment, as the scenario's fault. */
    static void dieSilently(ScenarioContext context, String node) {
        context.timeline().faultInjectedAt(Instant.now());
        context.timeline().fault(new FaultInForce(java.util.List.of(node), node + " died silently"));
        context.cluster().packetFaults().dieSilently(node);
    }

    /** Ends every packet-level fault, records the moment as the scenario's heal, and returns what was ended. */
    static java.util.List<String> heal(ScenarioContext context) {
        java.util.List<String> healed = context.cluster().packetFaults().healAll();
        context.timeline().backAt(Instant.now());
        return healed;
    }

    /** Cuts every packet between the two nodes, and records it, with that moment, as the scenario's fault. */
    static void cutLink(ScenarioContext context, String node, String peer) {
        context.timeline().faultInjectedAt(Instant.now());
        context.timeline().fault(new FaultInForce(java.util.List.of(node, peer), "the link between " + node + " and " + peer + " cut"));
        context.cluster().packetFaults().cutLink(node, peer);
    }
}
