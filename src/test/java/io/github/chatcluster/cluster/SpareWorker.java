package io.github.chatcluster.cluster;

/**
 * A PostgreSQL node with Citus that is not part of the cluster, for the operations that add one: {@value #NAME}. The
 * suite's own cluster starts it on demand (an empty node of the same image and settings, on the cluster network, under
 * that name) and removes it again; a cluster that already runs names one in its file ({@code spare.worker-5}).
 */
public interface SpareWorker {

    /** The name the cluster knows the spare by once it is added (its row in pg_dist_node). */
    String NAME = "worker-5";

    /** Makes the spare answer queries (starts it when it does not run) and returns where the suite reaches it. */
    Endpoint provide();

    /** Whether the spare runs now. */
    boolean isProvided();

    /** Where the suite reaches the spare; it must be {@link #provide() provided}. */
    Endpoint endpoint();

    /** Ends the spare's use: the suite's own is removed with its data; one of a cluster file stays as it is. */
    void release();
}
