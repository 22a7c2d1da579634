package io.github.chatcluster.cluster.faults;

import java.util.Arrays;

/** How a node fails at the container level, in the words of the features. */
public enum FailureKind {
    STOPPED_CLEANLY("stopped cleanly"),
    KILLED("killed"),
    PAUSED("paused"),
    DISCONNECTED("disconnected from the network");

    private final String words;

    FailureKind(String words) {
        this.words = words;
    }

    /** The kind named by these words; the words of every kind when they name none. */
    public static FailureKind named(String words) {
        return Arrays.stream(values()).filter(k -> k.words.equals(words)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown failure kind \"" + words + "\"; known: " + Arrays.stream(values()).map(k -> k.words).toList()));
    }

    /** Injects this failure into the node. */
    public void inject(NodeFaults faults, String node) {
        switch (this) {
            case STOPPED_CLEANLY -> faults.stop(node);
            case KILLED -> faults.kill(node);
            case PAUSED -> faults.pause(node);
            case DISCONNECTED -> faults.disconnect(node);
        }
    }

    @Override
    public String toString() {
        return words;
    }
}
