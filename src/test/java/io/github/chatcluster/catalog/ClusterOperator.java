package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import io.github.chatcluster.cluster.Endpoint;


/**
 * What a database operator does about a lost worker, through coordinator-1 (Citus's documented
 * recovery: disable the node so writes go on; when it is back, activate it, which drops its stale
 * placements, and copy the shards again until each has its replication factor).
 */
public class ClusterOperator {

    private final Endpoint coordinator;

    public ClusterOperator(Endpoint coordinator) {
        this.coordinator = coordinator;
    }

    public void disable(String node) {
        execute("SELECT citus_disable_node('" + node + "', 5432, synchronous := true)");
    }

    public void activate(String node) {
        execute("SELECT citus_activate_node('" + node + "', 5432)");
    }

    /** Sends the cluster's metadata to the node again (it had not been synced). */
    public void syncMetadata(String node) {
        execute("SELECT start_metadata_sync_to_node('" + node + "', 5432)");
    }

    /** Copies shards until each shard of each chat table has the given number of placements. */
    public void replicateShards(int copies) {
        for (String table : ChatTables.NAMES) {
            execute("SELECT replicate_table_shards('" + table + "', shard_replication_factor := " + copies
                    + ", shard_transfer_mode := 'block_writes')");
        }
    }

    /**
     * Finishes or cleans the two-phase commits a coordinator has on record (Citus's
     * recover_prepared_transactions), through that coordinator. Returns how many it recovered.
     */
    public static int recoverTwoPhaseCommits(Endpoint coordinator) {
        try (Connection c = coordinator.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT recover_prepared_transactions()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("recover_prepared_transactions() on " + coordinator + " failed: " + e.getMessage(), e);
        }
    }

    /** Nodes Citus considers inactive (disabled). */
    public List<String> inactiveNodes() {
        return strings("SELECT nodename FROM pg_dist_node WHERE NOT isactive ORDER BY nodename");
    }

    /** Shards of the chat tables with fewer placements than asked. */
    public List<String> underReplicatedShards(int copies) {
        return strings("""
                SELECT s.logicalrelid::regclass::text || ':' || s.shardid
                FROM pg_dist_shard s LEFT JOIN pg_dist_placement p USING (shardid)
                GROUP BY s.logicalrelid, s.shardid HAVING count(p.placementid) < """ + copies + " ORDER BY 1");
    }

    private void execute(String sql) {
        try (Connection c = coordinator.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("On " + coordinator + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> strings(String sql) {
        try (Connection c = coordinator.connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("On " + coordinator + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
