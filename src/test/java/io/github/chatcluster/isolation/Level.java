package io.github.chatcluster.isolation;

import java.util.Set;

/**
 * The strongest isolation level a history is consistent with, from the anomalies found in it (Adya's levels, as Elle
 * maps them): serializable forbids every class; snapshot isolation allows G2-item (write skew) only; read committed
 * allows G-single and G2-item; nothing is left when a read saw uncommitted or aborted data, or writes formed a cycle.
 * For item histories such as list-append ones, repeatable read (Adya's PL-2.99, which forbids G1 and G2-item) is
 * consistent exactly when serializable is, so it is not a level of its own here.
 */
public enum Level {
    SERIALIZABLE("serializable"),
    SNAPSHOT_ISOLATION("snapshot isolation"),
    READ_COMMITTED("read committed"),
    NONE("none: not even read committed");

    private final String words;

    Level(String words) {
        this.words = words;
    }

    /** The strongest level with none of these anomalies forbidden. */
    public static Level consistentWith(Set<Anomaly.Kind> found) {
        if (found.contains(Anomaly.Kind.G0) || found.contains(Anomaly.Kind.G1A) || found.contains(Anomaly.Kind.G1B)
                || found.contains(Anomaly.Kind.G1C) || found.contains(Anomaly.Kind.INTERNAL)
                || found.contains(Anomaly.Kind.GARBAGE) || found.contains(Anomaly.Kind.DUPLICATE)
                || found.contains(Anomaly.Kind.INCOMPATIBLE_ORDER)) {
            return NONE;
        }
        if (found.contains(Anomaly.Kind.G_SINGLE)) {
            return READ_COMMITTED;
        }
        if (found.contains(Anomaly.Kind.G2_ITEM)) {
            return SNAPSHOT_ISOLATION;
        }
        return SERIALIZABLE;
    }

    @Override
    public String toString() {
        return words;
    }
}
