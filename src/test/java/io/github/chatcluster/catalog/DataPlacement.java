package io.github.chatcluster.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;


/** Where the chat data lives: the catalog's view and the workers' shard tables. */
public class DataPlacement {

    /** For one room: the shard of each chat table and the workers storing it. */
    public record RoomPlacement(long roomId, Map<String, Long> shardByTable, Map<String, List<String>> nodesByTable) {
    }

    private final ChatCluster cluster;
    private final CitusCatalog catalog;

    /** Reads the catalog through coordinator-1. */
    public DataPlacement(ChatCluster cluster) {
        this(cluster, cluster.coordinator1());
    }

    /** Reads the catalog through the given node (every node has the metadata). */
    public DataPlacement(ChatCluster cluster, Endpoint catalogNode) {
        this.cluster = cluster;
        this.catalog = CitusCatalog.through(catalogNode);
    }

    public int shardCount(String table) {
        return catalog.nodesByShard(table).size();
    }

    /** Shard id to the nodes that the catalog lists as storing a copy of it. */
    public Map<Long, List<String>> nodesByShard(String table) {
        return catalog.nodesByShard(table);
    }

    /** Worker name to the number of shard copies of the table it stores (every worker listed). */
    public Map<String, Long> copiesPerWorker(String table) {
        Map<String, Long> perWorker = new TreeMap<>();
        ChatCluster.WORKERS.forEach(w -> perWorker.put(w, 0L));
        catalog.placements(table).forEach(p -> perWorker.merge(p.node(), 1L, Long::sum));
        return perWorker;
    }

    /** Worker name to rows of the table stored in its shard tables (the four workers, and any other node that stores a copy). */
    public Map<String, Long> rowsPerWorker(String table) {
        Map<String, Long> rows = new LinkedHashMap<>();
        java.util.Set<String> workers = new java.util.TreeSet<>(ChatCluster.WORKERS);
        catalog.placements(table).forEach(p -> workers.add(p.node()));
        for (String worker : workers) {
            rows.put(worker, ShardStorage.on(cluster.endpoint(worker)).rows(table));
        }
        return rows;
    }

    public Map<String, Integer> roomsPerWorker() {
        Map<String, Integer> rooms = new LinkedHashMap<>();
        for (String worker : ChatCluster.WORKERS) {
            rooms.put(worker, ShardStorage.on(cluster.endpoint(worker)).rooms("rooms", "id").size());
        }
        return rooms;
    }

    public CitusCatalog.DistributedTable table(String name) {
        return catalog.distributedTables().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not a distributed table"));
    }

    /** The shard of each chat table for each room, and where those shards are stored, in one catalog query. */
    public List<RoomPlacement> roomPlacements(List<Long> roomIds) {
        String sql = """
                SELECT r.id, t.tbl, s.shardid, array_agg(n.nodename ORDER BY n.nodename)
                FROM unnest(?::bigint[]) AS r(id)
                CROSS JOIN unnest(?::text[]) AS t(tbl)
                CROSS JOIN LATERAL (SELECT get_shard_id_for_distribution_column(t.tbl::regclass, r.id) AS shardid) s
                JOIN pg_dist_placement p ON p.shardid = s.shardid
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'
                GROUP BY r.id, t.tbl, s.shardid
                ORDER BY r.id, t.tbl""";
        Map<Long, RoomPlacement> byRoom = new LinkedHashMap<>();
        try (Connection c = cluster.coordinator1().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", roomIds.toArray()));
            ps.setArray(2, c.createArrayOf("text", ChatTables.NAMES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long room = rs.getLong(1);
                    RoomPlacement placement = byRoom.computeIfAbsent(room,
                            r -> new RoomPlacement(r, new LinkedHashMap<>(), new LinkedHashMap<>()));
                    placement.shardByTable().put(rs.getString(2), rs.getLong(3));
                    Array nodes = rs.getArray(4);
                    placement.nodesByTable().put(rs.getString(2), Arrays.asList((String[]) nodes.getArray()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading room placements failed: " + e.getMessage(), e);
        }
        return new ArrayList<>(byRoom.values());
    }

    /** Shard id to the number of placements the catalog lists for it. */
    public Map<Long, Long> copiesPerShard(String table) {
        Map<Long, Long> copies = new TreeMap<>();
        catalog.nodesByShard(table).forEach((shard, nodes) -> copies.put(shard, (long) nodes.size()));
        return copies;
    }

    /** Per worker and chat table: the rows of the room in the room's shard table there (-1: shard not stored). */
    public Map<String, Map<String, Long>> physicalRowsOfRoom(RoomPlacement room) {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        for (String worker : ChatCluster.WORKERS) {
            ShardStorage storage = ShardStorage.on(cluster.endpoint(worker));
            Map<String, Long> perTable = new LinkedHashMap<>();
            for (String table : ChatTables.NAMES) {
                perTable.put(table, storage.rowsOfRoom(table, ChatTables.roomColumn(table),
                        room.shardByTable().get(table), room.roomId()));
            }
            result.put(worker, perTable);
        }
        return result;
    }

    /**
     * How many times one message is stored on each placement of its shard, read on the workers themselves (not
     * through a coordinator), by worker name. A worker that the catalog lists but that lacks the shard shows -1.
     */
    public Map<String, Long> messageCopiesOnEachPlacement(long roomId, java.util.UUID clientId) {
        long shard = catalog.shardIdFor("messages", roomId);
        Map<String, Long> copies = new TreeMap<>();
        for (String worker : catalog.nodesByShard("messages").getOrDefault(shard, List.of())) {
            copies.put(worker, ShardStorage.on(cluster.endpoint(worker))
                    .rowsInShard("messages", shard, "room_id = ? AND client_msg_id = ?", roomId, clientId));
        }
        return copies;
    }

    /**
     * For every shard table of the table (e.g. rooms_102008): each listed copy's row count and checksum, read on its
     * worker, by worker name; "missing" when the worker does not have the shard table.
     */
    public Map<String, Map<String, String>> copyFingerprints(String table) {
        return copyFingerprints(List.of(table));
    }

    /** {@link #copyFingerprints(String)} of several tables, read on one connection per worker. */
    public Map<String, Map<String, String>> copyFingerprints(List<String> tables) {
        return copyFingerprints(tables, null);
    }

    /** How many shards of the fingerprints ({@link #copyFingerprints(List)}) have copies that differ. */
    public static long shardsWhoseCopiesDiffer(Map<String, Map<String, String>> fingerprints) {
        return fingerprints.values().stream().filter(copies -> new java.util.HashSet<>(copies.values()).size() > 1).count();
    }

    /** {@link #copyFingerprints(List)} over every column but the one named (null: every column). */
    public Map<String, Map<String, String>> copyFingerprints(List<String> tables, String leavingOut) {
        Map<String, Map<Long, List<String>>> byTable = new TreeMap<>();
        tables.forEach(table -> byTable.put(table, catalog.nodesByShard(table)));
        Map<String, Map<String, String>> byWorker = new TreeMap<>();
        byTable.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream).distinct()
                .forEach(node -> byWorker.put(node, ShardStorage.on(cluster.endpoint(node)).fingerprints(tables, leavingOut)));
        Map<String, Map<String, String>> result = new TreeMap<>();
        byTable.forEach((table, byShard) -> {
            for (Map.Entry<Long, List<String>> shard : byShard.entrySet()) {
                String shardTable = table + "_" + shard.getKey();
                Map<String, String> fingerprints = new TreeMap<>();
                for (String node : shard.getValue()) {
                    fingerprints.put(node, byWorker.get(node).getOrDefault(shardTable, "missing"));
                }
                result.put(shardTable, fingerprints);
            }
        });
        return result;
    }

    /** The tables distributed by hash (each shard stored twice), by name, as coordinator-1's catalog lists them. */
    public List<String> hashDistributedTables() {
        return catalog.distributedTables().stream().filter(t -> "h".equals(t.method())).map(CitusCatalog.DistributedTable::name).toList();
    }

    public static String describe(Map<String, ?> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
