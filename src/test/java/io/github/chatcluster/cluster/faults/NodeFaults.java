package io.github.chatcluster.cluster.faults;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Container-level faults on a node, by its name, and bringing the node back. */
public interface NodeFaults {

    /** A clean shutdown. */
    void stop(String node);

    /** The process dies at once. */
    void kill(String node);

    /** The node hangs: its processes are frozen, its TCP port still accepts connections. */
    void pause(String node);

    /** The node is cut off from the cluster network (a partition); it keeps running. */
    void disconnect(String node);

    /** Starts a stopped or killed node and waits until it serves again. */
    void start(String node);

    void unpause(String node);

    void reconnect(String node);

    boolean isRunning(String node);

    /** The nodes this driver damaged and has not brought back. */
    Set<String> damagedNodes();

    /** What is wrong with the node's container now, whoever caused it; empty when nothing (or when the driver cannot see). */
    Optional<String> containerFault(String node);

    /** Brings the node back to how the cluster started it; returns what was wrong, empty if nothing. */
    Optional<String> restoreContainer(String node);

    /** Removes every fault (packet-level ones included) and brings every node back; returns what was wrong. */
    List<String> healAll();
}
