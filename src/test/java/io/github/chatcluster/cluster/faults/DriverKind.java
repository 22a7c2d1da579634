package io.github.chatcluster.cluster.faults;

import java.util.Arrays;
import java.util.Optional;

/** The fault drivers there are, by the name given with -Dcluster.faults or {@code faults =} in a configuration. */
public enum DriverKind {
    /** Containers, through the Docker API. */
    DOCKER("docker"),
    /** A cluster that cannot be hurt: the fault scenarios are not run. */
    NONE("none");

    private final String word;

    DriverKind(String word) {
        this.word = word;
    }

    public static Optional<DriverKind> named(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    @Override
    public String toString() {
        return word;
    }
}
