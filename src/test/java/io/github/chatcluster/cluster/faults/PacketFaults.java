package io.github.chatcluster.cluster.faults;

import java.util.List;

/** Faults below the container level, by node name: the node keeps its name in the cluster's DNS. */
public interface PacketFaults {

    /** The node's port 5432 refuses every new connection from other hosts (a TCP reset). */
    void refuseConnections(String node);

    /** A silent death: every packet to and from the node is dropped; its name still resolves. */
    void dieSilently(String node);

    /** The node's answers to clients outside the cluster are dropped; what they send still arrives. */
    void loseAnswersToOutsideClients(String node);

    /** Every packet between the two nodes is dropped, in both directions. */
    void cutLink(String node, String peer);

    /** The node loses the given share of its packets, each direction on its own. */
    void losePackets(String node, int percent);

    /** Every packet between the node and each peer, both directions, is held for the delay. */
    void delay(String node, List<String> peers, int millis);

    /** The packet-level faults in force now, one line per node; empty when there are none. */
    List<String> inForce();

    /** Removes every packet-level fault; returns what was in force. */
    List<String> healAll();
}
