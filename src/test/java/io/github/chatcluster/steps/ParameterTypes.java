package io.github.chatcluster.steps;

import io.cucumber.java.ParameterType;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;

public class ParameterTypes {

    private final ScenarioContext context;

    public ParameterTypes(ScenarioContext context) {
        this.context = context;
    }

    /** Where a client connects: a coordinator or the load balancer. */
    @ParameterType("coordinator-1|coordinator-2|the load balancer")
    public Endpoint entryPoint(String name) {
        return context.cluster().endpoint("the load balancer".equals(name) ? ChatCluster.LOAD_BALANCER : name);
    }

    /** How a node fails. */
    @ParameterType("stopped cleanly|killed|paused|disconnected from the network")
    public io.github.chatcluster.cluster.faults.FailureKind failureKind(String how) {
        return io.github.chatcluster.cluster.faults.FailureKind.named(how);
    }

    /** A node of the cluster, by its name: parsed here once. */
    @ParameterType("coordinator-1|coordinator-2|worker-[1-4]|load-balancer")
    public io.github.chatcluster.cluster.Node node(String name) {
        return io.github.chatcluster.cluster.Node.named(name);
    }

    /** One SQLSTATE, or several joined by "or": {@code 57P01 or 08006}. */
    @ParameterType("[0-9A-Z]{5}(?: or [0-9A-Z]{5})*")
    public java.util.List<String> sqlStates(String text) {
        return java.util.List.of(text.split(" or "));
    }

    /** A chat user of the scenarios. */
    @ParameterType("alice|bob|carol")
    public String user(String name) {
        return name;
    }

    /** Where the first room's shards were moved to, in the words of a step. */
    @ParameterType("the worker that was killed|the move's target|worker-5")
    public String movePlace(String words) {
        return words;
    }

    /** The verdict a feature states for one of the demo's claims: it "holds" or it "does not hold". */
    @ParameterType("holds|does not hold")
    public io.github.chatcluster.report.Verdict statedVerdict(String words) {
        return io.github.chatcluster.report.ExpectedVerdict.stated(words);
    }

    /** Where an operator's lock_timeout applies: the session of the change, or every node Citus opens a session on. */
    @ParameterType("in the operator's session|on every node, with SET LOCAL and citus.propagate_set_commands")
    public io.github.chatcluster.schema.LockTimeout.Scope lockTimeoutScope(String words) {
        return words.startsWith("in the") ? io.github.chatcluster.schema.LockTimeout.Scope.SESSION
                : io.github.chatcluster.schema.LockTimeout.Scope.EVERY_NODE;
    }

    /** An isolation level as the checker names it ("read committed", "serializable", ...). */
    @ParameterType("serializable|snapshot isolation|read committed|none: not even read committed")
    public io.github.chatcluster.isolation.Level isolationLevel(String words) {
        return java.util.Arrays.stream(io.github.chatcluster.isolation.Level.values()).filter(l -> l.toString().equals(words)).findFirst().orElseThrow();
    }

    /** A class of anomaly as the checker names it (G-single, G2-item, ...). */
    @ParameterType("G0|G1a|G1b|G1c|G-single|G2-item|internal|incompatible-order|duplicate|garbage|lost-append")
    public io.github.chatcluster.isolation.Anomaly.Kind anomalyKind(String words) {
        return java.util.Arrays.stream(io.github.chatcluster.isolation.Anomaly.Kind.values()).filter(k -> k.toString().equals(words)).findFirst().orElseThrow();
    }
}
