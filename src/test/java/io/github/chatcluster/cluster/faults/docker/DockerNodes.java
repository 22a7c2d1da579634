package io.github.chatcluster.cluster.faults.docker;

/** How the Docker fault driver finds the nodes: each node's container, and the network they share. */
public interface DockerNodes {

    String containerId(String node);

    String networkId();

    /**
     * Whether this run started the nodes' containers: their network namespaces are new, and no rule can be in them
     * that no fault injector of this run set (a cluster that already ran may hold an earlier run's rules).
     */
    boolean startedByThisRun();

    /** The name for a new container of the suite's in this cluster, after its role (see {@code ContainerNames}). */
    String containerName(String role);

    /** A node was started, unpaused or reconnected: its host ports may be new (read them again at the next use). */
    default void portsMayHaveChanged() {
    }
}
