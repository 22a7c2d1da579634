package io.github.chatcluster.report;

/**
 * Every claim of the original demo ({@code seed.md}: its architecture overview, its comparison table, "Multi-Master
 * Benefits", "Performance Characteristics" and "Achievement Unlocked"), in its own words: the ledger. Scenarios mark
 * the judged ones held or not held, with the figure behind the verdict; the others say why they are not judged here
 * ({@link #notJudgedHere()}), and summary.txt lists them all.
 */
public enum SeedClaim {

    WRITE_THROUGHPUT_SCALES_LINEARLY("Write Throughput: Scales linearly with coordinator count"),
    FAILOVER_UNDER_5_SECONDS("Failover Time: < 5 seconds via Nginx health checks"),
    EVENTUAL_CONSISTENCY("Data Consistency: Eventual consistency across coordinators"),
    STORAGE_OVERHEAD_2X("Storage Overhead: 2x replication factor per shard"),
    ZERO_SINGLE_POINTS_OF_FAILURE("Zero Single Points of Failure"),
    FAULT_TOLERANT_WORKER_REPLICATION("Fault-Tolerant Worker Replication"),
    HORIZONTALLY_SHARDED("horizontally-sharded database"),
    CROSS_COORDINATOR_SYNCHRONIZATION("Cross-Coordinator Synchronization for data consistency"),
    INDEPENDENT_FAILURE_DOMAINS("Independent Failure Domains: One coordinator can fail without affecting the other"),
    AUTOMATIC_FAILOVER("Automatic Failover: Nginx detects coordinator failures"),
    CONCURRENT_WRITES("Concurrent Writes: Multiple applications write simultaneously"),
    ZERO_DOWNTIME("Zero Downtime: Maintenance on one coordinator doesn't stop writes"),
    READ_SCALING("Read Scaling: All workers can serve read requests"),
    READ_PERFORMANCE("Read Performance: Distributed across workers + coordinators"),

    // Not judged here (yet), each with why; a claim that moves to a scenario loses its reason.
    REDUCED_CONTENTION("Reduced Contention: Write load distributed across coordinators", "measured, not judged: with the"
            + " same 8 writers spread over both coordinators instead of through coordinator-1 alone, the median write latency"
            + " is about a tenth lower (1.08x to 1.17x in eight runs, performance.feature reports each run's interval"
            + " and its A/A control). Against \"any gain beyond the noise\" such a ratio comes out held in some runs and not"
            + " decided in others with the scenario's 8 trials an arm; the same verdict on nineteen runs in twenty needs"
            + " about 32 (ComparisonRuleTest), four more minutes a run; against a gain that counts (1.25x, as for reads)"
            + " 16 trials an arm still straddle it in one run in five"),
    TRUE_MULTI_MASTER("True Multi-Master PostgreSQL database", "a name for the whole design, judged here by its parts:"
            + " concurrent writes, write throughput, zero single points of failure, failover"),
    PRODUCTION_GRADE("production-grade, multi-master ... enterprise-level multi-master database architecture",
            "not a property a test can observe; the features state what the cluster does instead"),
    WRITE_SCALING("Write Scaling: Scales horizontally", "the same claim as \"Write Throughput: Scales linearly with"
            + " coordinator count\" (and \"Horizontal Write Scaling\"): judged there"),
    NO_SINGLE_POINT_FOR_WRITES("No Single Point of Failure for write operations", "the same claim as \"Zero Single Points"
            + " of Failure\", for writes: judged there (while coordinator-2 is down every write fails)"),
    AUTOMATIC_LOAD_BALANCING("Automatic Load Balancing via Nginx", "shown, not judged: the load balancer spreads new"
            + " connections over both coordinators (concurrent_writes.feature); what that does to contention is measured under"
            + " \"Reduced Contention\""),
    FLEXIBLE_ROUTING("Flexible Routing: Apps choose coordinator or use load balancer", "shown, not judged: the chat"
            + " works the same through each coordinator and the load balancer (chat_application.feature)"),
    REAL_TIME_FAILOVER("Real-time Failover Capabilities", "the same claim as \"Failover Time: < 5 seconds via Nginx"
            + " health checks\": judged there");

    private final String words;
    private final String notJudgedHere;

    SeedClaim(String words) {
        this(words, null);
    }

    SeedClaim(String words, String notJudgedHere) {
        this.words = words;
        this.notJudgedHere = notJudgedHere;
    }

    /** Why no scenario judges this claim, or null when one does. */
    public String notJudgedHere() {
        return notJudgedHere;
    }

    /** The claim as the demo states it. */
    public String words() {
        return words;
    }

    /** The claim with these words, as a feature quotes it. */
    public static SeedClaim withWords(String words) {
        for (SeedClaim claim : values()) {
            if (claim.words.equalsIgnoreCase(words)) {
                if (claim.notJudgedHere != null) {
                    throw new IllegalArgumentException("The claim \"" + words + "\" is listed as not judged here ("
                            + claim.notJudgedHere + "): a scenario that judges it must take it off that list");
                }
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
