package io.github.chatcluster.steps;

import java.util.List;

import io.github.chatcluster.cluster.ChatCluster;

/** The fault a scenario injected: the nodes it hurts and its words ("worker-3 stopped cleanly"). */
public record FaultInForce(List<String> nodes, String words) {

    public static final FaultInForce NONE = new FaultInForce(List.of(), "no fault");

    public static FaultInForce on(String node, String what) {
        return new FaultInForce(List.of(node), node + " " + what);
    }

    /** Whether a worker is among the nodes the fault hurts. */
    public boolean hurtsAWorker() {
        return nodes.stream().anyMatch(ChatCluster.WORKERS::contains);
    }

    @Override
    public String toString() {
        return words;
    }
}
