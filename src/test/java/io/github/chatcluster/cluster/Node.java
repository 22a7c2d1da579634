package io.github.chatcluster.cluster;

import java.util.regex.Pattern;

/**
 * A node of the cluster: coordinator-1, coordinator-2, worker-1 to worker-5 (worker-5 is the spare an operation adds),
 * or the load balancer. Its name is its host name on the cluster network and its name in Citus's metadata, and what
 * the cluster's interfaces take ({@link ChatCluster#endpoint}, the fault drivers): a sentence's node is parsed into one
 * once, by the {@code {node}} parameter type, and asked for its role instead of having its name taken apart.
 */
public record Node(String name) {

    private static final Pattern NAMES = Pattern.compile("coordinator-[12]|worker-[1-5]|load-balancer");

    public static final Node COORDINATOR_1 = new Node(ChatCluster.COORDINATOR_1);
    public static final Node COORDINATOR_2 = new Node(ChatCluster.COORDINATOR_2);
    public static final Node LOAD_BALANCER = new Node(ChatCluster.LOAD_BALANCER);

    public Node {
        if (name == null || !NAMES.matcher(name).matches()) {
            throw new IllegalArgumentException("no node of the cluster is named " + name
                    + " (coordinator-1, coordinator-2, worker-1 to worker-5, load-balancer)");
        }
    }

    /** The node of this name; throws for a name no node of the cluster has. */
    public static Node named(String name) {
        return new Node(name);
    }

    public boolean isCoordinator() {
        return name.startsWith("coordinator-");
    }

    public boolean isWorker() {
        return name.startsWith("worker-");
    }

    public boolean isLoadBalancer() {
        return name.equals(ChatCluster.LOAD_BALANCER);
    }

    /** A PostgreSQL node (a coordinator or a worker), as opposed to the load balancer. */
    public boolean isDatabase() {
        return !isLoadBalancer();
    }

    @Override
    public String toString() {
        return name;
    }
}
