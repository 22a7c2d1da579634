package io.github.chatcluster.report;

/**
 * The original demo's claims ({@code seed.md}: "Performance Characteristics" and "Achievement Unlocked"),
 * in its own words. Scenarios mark each one held or not held, with the figure behind the verdict.
 */
public enum SeedClaim {

    WRITE_THROUGHPUT_SCALES_LINEARLY("Write Throughput: Scales linearly with coordinator count"),
    FAILOVER_UNDER_5_SECONDS("Failover Time: < 5 seconds via Nginx health checks"),
    EVENTUAL_CONSISTENCY("Data Consistency: Eventual consistency across coordinators"),
    STORAGE_OVERHEAD_2X("Storage Overhead: 2x replication factor per shard"),
    ZERO_SINGLE_POINTS_OF_FAILURE("Zero Single Points of Failure"),
    FAULT_TOLERANT_WORKER_REPLICATION("Fault-Tolerant Worker Replication"),
    HORIZONTALLY_SHARDED("horizontally-sharded database"),
    CROSS_COORDINATOR_SYNCHRONIZATION("Cross-Coordinator Synchronization for data consistency");

    private final String words;

    SeedClaim(String words) {
        this.words = words;
    }

    /** The claim as the demo states it. */
    public String words() {
        return words;
    }

    /** The claim with these words, as a feature quotes it. */
    public static SeedClaim withWords(String words) {
        for (SeedClaim claim : values()) {
            if (claim.words.equalsIgnoreCase(words)) {
                return claim;
            }
        }
        throw new IllegalArgumentException("The original demo makes no claim \"" + words + "\"; its claims are "
                + java.util.Arrays.stream(values()).map(SeedClaim::words).toList());
    }

    /** The key of the claim's verdict in figures.properties. */
    String key() {
        return "claim." + name().toLowerCase().replace('_', '-');
    }
}
