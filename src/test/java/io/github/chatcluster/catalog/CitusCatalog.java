package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.github.chatcluster.cluster.Endpoint;


/**
 * What Citus's own catalog says about the cluster, read through one endpoint. Queries use the
 * {@code pg_dist_*} tables (not {@code citus_shards}) so that they work while a node is down.
 */
public class CitusCatalog {

    public record Node(String name, int port, int groupId, boolean hasMetadata, boolean metadataSynced,
                       boolean active, boolean shouldHaveShards, String role) {
    }

    public record NodeHealth(String from, String to, Boolean healthy) {
    }

    public record DistributedTable(String name, String distributionColumn, String method, int colocationId,
                                   int replicationFactor, int shardCount) {
    }

    public record Placement(long shardId, String table, String node) {
    }

    private final Endpoint endpoint;

    public CitusCatalog(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public static CitusCatalog through(Endpoint endpoint) {
        return new CitusCatalog(endpoint);
    }

    public List<Node> nodes() {
        return query("""
                SELECT nodename, nodeport, groupid, hasmetadata, metadatasynced, isactive, shouldhaveshards,
                       noderole::text
                FROM pg_dist_node ORDER BY nodename""",
                rs -> new Node(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getString(8)));
    }

    /** How many shard copies this node's metadata lists in a node group that has no node (a worker removed while it stored shards). */
    public long placementsInGroupsWithoutNode() {
        return query("SELECT count(*) FROM pg_dist_placement WHERE groupid NOT IN (SELECT groupid FROM pg_dist_node)",
                rs -> rs.getLong(1)).get(0);
    }

    /** Nodes Citus considers inactive (disabled). */
    public List<String> inactiveNodes() {
        return query("SELECT nodename FROM pg_dist_node WHERE NOT isactive ORDER BY nodename", rs -> rs.getString(1));
    }

    /** Shards of the distributed tables with fewer placements than {@code copies}, as table:shard. */
    public List<String> underReplicatedShards(int copies) {
        return query("""
                SELECT s.logicalrelid::regclass::text || ':' || s.shardid
                FROM pg_dist_shard s LEFT JOIN pg_dist_placement p USING (shardid)
                GROUP BY s.logicalrelid, s.shardid HAVING count(p.placementid) < """ + copies + " ORDER BY 1", rs -> rs.getString(1));
    }

    public List<NodeHealth> nodeHealth() {
        return query("SELECT from_nodename, to_nodename, result FROM citus_check_cluster_node_health()",
                rs -> new NodeHealth(rs.getString(1), rs.getString(2), (Boolean) rs.getObject(3)));
    }

    public List<DistributedTable> distributedTables() {
        return query("""
                SELECT p.logicalrelid::regclass::text, column_to_column_name(p.logicalrelid, p.partkey),
                       p.partmethod::text, p.colocationid, c.replicationfactor,
                       (SELECT count(*) FROM pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid)
                FROM pg_dist_partition p LEFT JOIN pg_dist_colocation c USING (colocationid)
                ORDER BY 1""",
                rs -> new DistributedTable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)));
    }

    /** Every placement of every shard of the table, with the node that stores it. */
    public List<Placement> placements(String table) {
        return query("""
                SELECT s.shardid, s.logicalrelid::regclass::text, n.nodename
                FROM pg_dist_shard s
                JOIN pg_dist_placement p USING (shardid)
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'
                WHERE s.logicalrelid = ?::regclass
                ORDER BY s.shardid, n.nodename""",
                ps -> ps.setString(1, table),
                rs -> new Placement(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Every placement of every distributed table. */
    public List<Placement> allPlacements() {
        return query("""
                SELECT s.shardid, s.logicalrelid::regclass::text, n.nodename
                FROM pg_dist_shard s
                JOIN pg_dist_placement p USING (shardid)
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'
                ORDER BY s.shardid, n.nodename""",
                rs -> new Placement(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Shard id to the sorted names of the nodes that store it. */
    public Map<Long, List<String>> nodesByShard(String table) {
        Map<Long, List<String>> byShard = new TreeMap<>();
        for (Placement p : placements(table)) {
            byShard.computeIfAbsent(p.shardId(), k -> new ArrayList<>()).add(p.node());
        }
        return byShard;
    }
    public long shardIdFor(String table, long distributionValue) {
        return query("SELECT get_shard_id_for_distribution_column(?::regclass, ?)",
                ps -> { ps.setString(1, table); ps.setLong(2, distributionValue); },
                rs -> rs.getLong(1)).get(0);
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row) {
        return query(sql, ps -> { }, row);
    }

    private <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = endpoint.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Catalog query through " + endpoint + " failed: " + e.getMessage(), e);
        }
    }
}
