package io.github.chatcluster.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.SpareWorker;

/** Takes a node other than the six out of the cluster, without losing a copy where it can. */
public final class ExtraNodes {

    private ExtraNodes() {
    }

    /**
     * A node that answers is drained first (its copies moved to the workers that take shards: rebalance_table_shards,
     * drain_only, block_writes) and then removed; one that does not answer is disabled and removed, and the copies it
     * held must be made again. Returns what was done.
     */
    public static String remove(ChatCluster cluster, String node) {
        ClusterOperations operations = ClusterOperations.through(cluster.coordinator1());
        if (answers(cluster, node)) {
            operations.letTakeShards(node, false);
            operations.rebalanceNow(TransferMode.BLOCK_WRITES, "by_shard_count", 0.1, true);
            operations.cleanupOrphanedResources(); // before the removal: Citus never processes the records of a removed node
            operations.removeNode(node);
            return "drained " + node + " (rebalance_table_shards, drain_only, block_writes), cleaned up its moved copies"
                    + " (citus_cleanup_orphaned_resources) and removed it (citus_remove_node)";
        }
        operations.disableNode(node);
        operations.removeNode(node);
        return "disabled " + node + ", which does not answer, and removed it (citus_disable_node, citus_remove_node)";
    }

    /** Whether the cluster's metadata lists the node (read through coordinator-1). */
    public static boolean inTheMetadata(ChatCluster cluster, String node) {
        try (Connection c = cluster.coordinator1().connect(); var ps = c.prepareStatement(
                "SELECT 1 FROM pg_dist_node WHERE nodename = ?")) {
            ps.setString(1, node);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading pg_dist_node through coordinator-1 failed: " + e.getMessage(), e);
        }
    }

    private static boolean answers(ChatCluster cluster, String node) {
        if (!SpareWorker.NAME.equals(node) || cluster.spareWorker().isEmpty()) {
            return false;
        }
        try (Connection c = cluster.spareWorker().get().endpoint().connectOnce(Duration.ofSeconds(3), Duration.ofSeconds(5));
             var s = c.createStatement()) {
            return s.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
