package io.github.chatcluster.cluster;

import java.time.Duration;

/**
 * A cluster whose nodes can be started again from another image with their own data (each node's data directory on a
 * volume of its own): how a rolling upgrade replaces a node's binaries. Only the suite's own clusters started for it
 * can ({@link ChatCluster#nodeReplacement()}).
 */
public interface NodeReplacement {

    /** The image the node's container runs now. */
    String imageOf(String nodeName);

    /**
     * Stops the node cleanly (a fast shutdown, at most 30 s), removes its container, and starts a new one from the
     * image with the node's volume, name, network and settings; returns when the new one is ready to accept connections.
     */
    Replaced replace(String nodeName, String image);

    /** How long the node was down: from the stop's call to its container being removed, and to the new one being ready. */
    record Replaced(String nodeName, String image, Duration stopped, Duration ready) {
    }
}
