package io.github.chatcluster.operations;

/** One thing an operation left behind on a node: its kind and its name. */
public record Leftover(Kind kind, String node, String name) {

    /** The kinds of debris a shard move can leave (Citus's failure tests look for the same). */
    public enum Kind {
        CLEANUP_RECORD("cleanup record"),
        SHARD_TABLE("shard table not in the metadata"),
        REPLICATION_SLOT("replication slot"),
        PUBLICATION("publication"),
        SUBSCRIPTION("subscription"),
        USER("user of a shard move"),
        BACKGROUND_JOB("background job still running");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    @Override
    public String toString() {
        return kind.words() + " " + name + " on " + node;
    }
}
