package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import io.github.chatcluster.cluster.Endpoint;


/**
 * What a worker physically stores: its own shard tables ({@code rooms_102008}, ...), read directly
 * on the worker, not through the distributed tables.
 */
public class ShardStorage {

    private final Endpoint worker;

    public ShardStorage(Endpoint worker) {
        this.worker = worker;
    }

    public static ShardStorage on(Endpoint worker) {
        return new ShardStorage(worker);
    }

    /** The names of the table's shard tables stored on this worker. */
    public List<String> localShardTables(Connection c, String table) throws SQLException {
        List<String> shards = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT shard_name(s.logicalrelid, s.shardid)
                FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
                WHERE s.logicalrelid = ?::regclass AND p.groupid = (SELECT groupid FROM pg_dist_local_group)
                ORDER BY s.shardid""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shards.add(rs.getString(1));
                }
            }
        }
        return shards;
    }

    /** Rows of the table stored on this worker, over all its shard tables. */
    public long rows(String table) {
        return withConnection(c -> {
            long rows = 0;
            for (String shard : localShardTables(c, table)) {
                rows += single(c, "SELECT count(*) FROM " + shard);
            }
            return rows;
        });
    }

    /** Distinct values of the room column among the rows of the table stored on this worker. */
    public Set<Long> rooms(String table, String roomColumn) {
        return withConnection(c -> {
            Set<Long> rooms = new HashSet<>();
            for (String shard : localShardTables(c, table)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + roomColumn + " FROM " + shard);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rooms.add(rs.getLong(1));
                    }
                }
            }
            return rooms;
        });
    }

    /**
     * Whether the shard's table exists on this worker, read in the worker's own catalog (not Citus's metadata), with
     * Citus's hiding of shard tables turned off for the session.
     */
    public boolean shardTableExists(String table, long shardId) {
        return withConnection(c -> {
            try (var s = c.createStatement()) {
                s.execute("SET citus.override_table_visibility TO off");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_catalog.pg_class WHERE relname = ?")) {
                ps.setString(1, table + "_" + shardId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    /** Rows of one room in one shard table of this worker; -1 when the worker does not store that shard. */
    public long rowsOfRoom(String table, String roomColumn, long shardId, long roomId) {
        return withConnection(c -> {
            String shardTable = null;
            for (String name : localShardTables(c, table)) {
                if (name.endsWith("_" + shardId)) {
                    shardTable = name;
                }
            }
            if (shardTable == null) {
                return -1L;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM " + shardTable + " WHERE " + roomColumn + " = ?")) {
                ps.setLong(1, roomId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * How many rows of the shard's table on this worker match the condition (for example {@code room_id = ? AND
     * client_msg_id = ?}); -1 when the worker does not store that shard.
     */
    public long rowsInShard(String table, long shardId, String condition, Object... params) {
        return withConnection(c -> {
            String shardTable = localShardTables(c, table).stream().filter(n -> n.endsWith("_" + shardId)).findFirst().orElse(null);
            if (shardTable == null) {
                return -1L;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + shardTable + " WHERE " + condition)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Row count and an order-independent checksum of each of the table's shards stored on this worker,
     * by shard table name (e.g. rooms_102008); one connection for all of them.
     */
    public Map<String, String> fingerprints(String table) {
        return fingerprints(List.of(table));
    }

    /** {@link #fingerprints(String)} of several tables, on one connection. */
    public Map<String, String> fingerprints(List<String> tables) {
        return fingerprints(tables, null);
    }

    /**
     * {@link #fingerprints(List)}, with the checksum over every column but the one named (null: every column): where
     * two copies differ, whether they differ in that column alone.
     */
    public Map<String, String> fingerprints(List<String> tables, String leavingOut) {
        String row = leavingOut == null ? "t::text" : "(to_jsonb(t) - '" + leavingOut.replace("'", "''") + "')::text";
        return withConnection(c -> {
            Map<String, String> fingerprints = new TreeMap<>();
            for (String table : tables) {
                for (String shard : localShardTables(c, table)) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) || ' rows, checksum ' "
                            + "|| coalesce(sum(hashtext(" + row + ")::bigint), 0) FROM " + shard + " t");
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        fingerprints.put(shard, rs.getString(1));
                    }
                }
            }
            return fingerprints;
        });
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = worker.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the shard tables on " + worker + " failed: " + e.getMessage(), e);
        }
    }
}
