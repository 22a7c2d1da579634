package io.github.chatcluster.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.chatcluster.cluster.Endpoint;

/**
 * What an operator runs to change the cluster, by node name, through one coordinator, with the functions Citus
 * documents: add, disable, activate and remove a node, sync its metadata, rebalance (in the background or at once),
 * drain, move one shard group, copy shards back to their replication factor, recover two-phase commits, clean up what
 * a failed operation left. The one place that issues these calls: the steps, the check before every scenario and the
 * operations feature all use it. Each method is one call; a refusal, or a lost session, is an {@link OperationFailed}
 * that names the coordinator, the call and Citus's error.
 */
public final class ClusterOperations {

    /** The port every node listens on inside the cluster (the nodes' rows in pg_dist_node). */
    public static final int NODE_PORT = 5432;

    private final Endpoint coordinator;
    private final java.time.Duration bound;

    private ClusterOperations(Endpoint coordinator, java.time.Duration bound) {
        this.coordinator = coordinator;
        this.bound = bound;
    }

    /** The operator's calls, each allowed {@link #OPERATION_BOUND} (a rebalance of every shard, say). */
    public static ClusterOperations through(Endpoint coordinator) {
        return new ClusterOperations(coordinator, OPERATION_BOUND);
    }

    /**
     * The same calls, each allowed {@link #REPAIR_CALL_BOUND}: what the check before every scenario and the hooks use,
     * so that one hung call cannot outlast the check's own bound.
     */
    public static ClusterOperations forRepairs(Endpoint coordinator) {
        return new ClusterOperations(coordinator, REPAIR_CALL_BOUND);
    }

    /** How long one operation may run before the client gives up on its answer (a rebalance of every shard, say). */
    private static final java.time.Duration OPERATION_BOUND = java.time.Duration.ofMinutes(10);
    /** How long one call of a repair may run (the socket timeout of every other session of the suite). */
    public static final java.time.Duration REPAIR_CALL_BOUND = java.time.Duration.ofSeconds(60);

    private Connection session() throws SQLException {
        return coordinator.connect(bound);
    }

    public Endpoint coordinator() {
        return coordinator;
    }

    /** {@code citus_add_node}: the node joins, empty. */
    public void addNode(String node) {
        execute("SELECT citus_add_node('" + node + "', " + NODE_PORT + ")");
    }

    /** {@code citus_remove_node}. */
    public void removeNode(String node) {
        execute("SELECT citus_remove_node('" + node + "', " + NODE_PORT + ")");
    }

    /** {@code citus_disable_node(..., synchronous := true)}: what lets a node that no longer answers be removed. */
    public void disableNode(String node) {
        execute("SELECT citus_disable_node('" + node + "', " + NODE_PORT + ", synchronous := true)");
    }

    /**
     * {@code citus_activate_node}: a disabled node that is back takes part again (its stale placements are dropped).
     */
    public void activateNode(String node) {
        execute("SELECT citus_activate_node('" + node + "', " + NODE_PORT + ")");
    }

    /** {@code replicate_table_shards} for each chat table: copies shards until each has {@code copies} placements. */
    public void replicateShards(int copies) {
        for (String table : io.github.chatcluster.catalog.ChatTables.NAMES) {
            execute("SELECT replicate_table_shards('" + table + "', shard_replication_factor := " + copies
                    + ", shard_transfer_mode := '" + TransferMode.BLOCK_WRITES.sqlName() + "')");
        }
    }

    /**
     * {@code recover_prepared_transactions()}: finishes or cleans the two-phase commits this coordinator has on record.
     * Returns how many it recovered.
     */
    public int recoverTwoPhaseCommits() {
        String sql = "SELECT recover_prepared_transactions()";
        try (Connection c = session(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new OperationFailed(coordinator, sql, e);
        }
    }

    /** {@code start_metadata_sync_to_node}: sends the whole metadata to the node again. */
    public void syncMetadataTo(String node) {
        execute("SELECT start_metadata_sync_to_node('" + node + "', " + NODE_PORT + ")");
    }

    /** {@code citus_set_node_property(..., 'shouldhaveshards', ...)}. */
    public void letTakeShards(String node, boolean takesShards) {
        execute("SELECT citus_set_node_property('" + node + "', " + NODE_PORT + ", 'shouldhaveshards', " + takesShards + ")");
    }

    /**
     * {@code citus_rebalance_start}: schedules the moves as a background job and returns at once; the job's id, or empty
     * when there was nothing to move. A null mode or strategy is Citus's default (auto; by_disk_size).
     */
    public java.util.OptionalLong startRebalance(TransferMode mode, boolean drainOnly, String strategy) {
        String sql = "SELECT citus_rebalance_start(drain_only := " + drainOnly
                + (mode == null ? "" : ", shard_transfer_mode := '" + mode.sqlName() + "'")
                + (strategy == null ? "" : ", rebalance_strategy := '" + strategy + "'") + ")";
        try (Connection c = session(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long job = rs.getLong(1);
            return rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(job);
        } catch (SQLException e) {
            throw new OperationFailed(coordinator, sql, e);
        }
    }

    /** {@code citus_rebalance_stop}: cancels the running background rebalance. */
    public void stopRebalance() {
        execute("SELECT citus_rebalance_stop()");
    }

    /**
     * {@code rebalance_table_shards} with the given strategy and threshold (Citus raises one below its minimum, 0.01 for
     * by_shard_count, to it): moves in this session and returns when done. {@code drainOnly}: only off the nodes that
     * take no shards.
     */
    public void rebalanceNow(TransferMode mode, String strategy, double threshold, boolean drainOnly) {
        execute("SELECT rebalance_table_shards(threshold := " + Math.max(threshold, 0.01) + ", shard_transfer_mode := '"
                + mode.sqlName() + "', rebalance_strategy := '" + strategy + "', drain_only := " + drainOnly + ")");
    }

    /** {@code citus_drain_node}: moves every shard off the node, in the calling session, returns when done. */
    public void drainNode(String node, TransferMode mode) {
        execute("SELECT citus_drain_node('" + node + "', " + NODE_PORT + ", '" + mode.sqlName() + "')");
    }

    /** {@code citus_move_shard_placement}: moves the shard and the shards co-located with it. */
    public void moveShard(long shardId, String from, String to, TransferMode mode) {
        execute("SELECT citus_move_shard_placement(" + shardId + ", '" + from + "', " + NODE_PORT + ", '" + to + "', "
                + NODE_PORT + (mode == null ? "" : ", '" + mode.sqlName() + "'") + ")");
    }

    /** {@code CALL citus_cleanup_orphaned_resources()}: returns Citus's notice ("cleaned up 3 orphaned resources"), or "". */
    public String cleanupOrphanedResources() {
        try (Connection c = session(); Statement s = c.createStatement()) {
            s.execute("CALL citus_cleanup_orphaned_resources()");
            List<String> notices = new ArrayList<>();
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                notices.add(w.getMessage());
            }
            return String.join("; ", notices);
        } catch (SQLException e) {
            throw new OperationFailed(coordinator, "CALL citus_cleanup_orphaned_resources()", e);
        }
    }

    /** The moves {@code get_rebalance_table_shards_plan()} would make now with the strategy (its default threshold). */
    public List<String> plan(String strategy) {
        List<String> moves = new ArrayList<>();
        try (Connection c = session(); PreparedStatement ps = c.prepareStatement(
                "SELECT table_name::text || ':' || shardid || ' ' || sourcename || ' -> ' || targetname"
                        + " FROM get_rebalance_table_shards_plan(rebalance_strategy := '" + strategy + "')"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                moves.add(rs.getString(1));
            }
            return moves;
        } catch (SQLException e) {
            throw new OperationFailed(coordinator, "get_rebalance_table_shards_plan()", e);
        }
    }

    private void execute(String sql) {
        try (Connection c = session(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new OperationFailed(coordinator, sql, e);
        }
    }
}
