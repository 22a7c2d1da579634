package io.github.chatcluster.isolation;

import java.util.List;

/** One anomaly found in a history: its class, the transactions involved, and why no serial order explains it, in words. */
public record Anomaly(Kind kind, List<Integer> txns, String explanation) {

    /**
     * The classes the checker finds. The cycles are Adya's (Adya, Liskov, O'Neil, ICDE 2000) as Elle names them:
     * G0 (write-write edges only), G1c (write-write and write-read), G-single (exactly one read-write anti-dependency
     * edge), G2-item (two or more). The others come from the reads alone.
     */
    public enum Kind {
        G0("G0", "a cycle of write-write dependencies (dirty write)"),
        G1A("G1a", "a read of a value a failed transaction appended (aborted read)"),
        G1B("G1b", "a read of a transaction's intermediate state (intermediate read)"),
        G1C("G1c", "a cycle of write-write and write-read dependencies (circular information flow)"),
        G_SINGLE("G-single", "a cycle with exactly one read-write anti-dependency (read skew)"),
        G2_ITEM("G2-item", "a cycle with two or more read-write anti-dependencies (write skew)"),
        INTERNAL("internal", "a transaction that does not read its own appends"),
        INCOMPATIBLE_ORDER("incompatible-order", "two reads of a key, neither a prefix of the other"),
        DUPLICATE("duplicate", "a value twice in one read"),
        GARBAGE("garbage", "a read of a value no transaction appended"),
        LOST_APPEND("lost-append", "an acknowledged append missing from the final read of its key");

        private final String name;
        private final String means;

        Kind(String name, String means) {
            this.name = name;
            this.means = means;
        }

        public String means() {
            return means;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public String toString() {
        return kind + ": " + explanation;
    }
}
