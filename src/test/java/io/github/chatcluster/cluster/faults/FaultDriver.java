package io.github.chatcluster.cluster.faults;

/**
 * How faults reach the nodes, by node name: {@code docker} (containers, the suite's own or named in an external
 * cluster's configuration) or {@code none} (a cluster that cannot be hurt). A new driver (kubectl, ssh) implements
 * this interface; the steps do not change.
 */
public interface FaultDriver {

    /** Which driver this is (its name is the one given with -Dcluster.faults). */
    DriverKind kind();

    /** False for a driver that cannot hurt the cluster: scenarios that need a fault are then not run. */
    boolean canInjectFaults();

    /** Container-level faults: stop, kill, pause, disconnect, and bringing the node back. */
    NodeFaults nodes();

    /** Packet-level faults: refusals, silent deaths, cut links, loss, delay. */
    PacketFaults packets();

    /** Makes the load balancer forget the failed connections it has on record (nginx: a reload). */
    void reloadLoadBalancer();

    /** Removes what the driver started for its faults (the fault injectors), when the run's use of the cluster ends. */
    default void close() {
    }

    /** Damage that this driver does not record (for the test of the check before every scenario). */
    void pauseBehindTheSuitesBack(String node);
}
