package io.github.chatcluster.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;

/**
 * The shard placement map for the report, as plain text: one row per hash range, the shard of each
 * chat table for that range, and which workers store them ("all 3": the worker stores that range's
 * shard of every chat table; "ONLY n": co-location is broken there; "-": not stored there).
 */
public final class PlacementMap {

    private PlacementMap() {
    }

    public static String text(Endpoint coordinator) {
        Map<Long, Map<String, Long>> shards = new TreeMap<>();
        Map<Long, TreeSet<String>> nodes = new TreeMap<>();
        Map<Long, String> ranges = new LinkedHashMap<>();
        try (Connection c = coordinator.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.logicalrelid::regclass::text, s.shardid, s.shardminvalue::bigint, s.shardmaxvalue::bigint, n.nodename
                FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'
                WHERE s.logicalrelid::regclass::text = ANY (?)
                ORDER BY s.shardminvalue::bigint""")) {
            ps.setArray(1, c.createArrayOf("text", ChatApplication.TABLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long min = rs.getLong(3);
                    shards.computeIfAbsent(min, k -> new LinkedHashMap<>()).put(rs.getString(1), rs.getLong(2));
                    nodes.computeIfAbsent(min, k -> new TreeSet<>()).add(rs.getString(1) + "@" + rs.getString(5));
                    ranges.put(min, min + " .. " + rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the placement map failed: " + e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder(String.format("%-26s", "hash range of room ids"));
        ChatApplication.TABLES.forEach(t -> text.append(String.format(" %-13s", t)));
        ChatCluster.WORKERS.forEach(w -> text.append(String.format(" %-9s", w)));
        text.append('\n');
        for (Long min : shards.keySet()) {
            text.append(String.format("%-26s", ranges.get(min)));
            ChatApplication.TABLES.forEach(t -> text.append(String.format(" %-13s", shards.get(min).getOrDefault(t, null))));
            for (String worker : ChatCluster.WORKERS) {
                long tablesHere = ChatApplication.TABLES.stream().filter(t -> nodes.get(min).contains(t + "@" + worker)).count();
                String cell = tablesHere == ChatApplication.TABLES.size() ? "all 3"
                        : tablesHere == 0 ? "-" : "ONLY " + tablesHere;
                text.append(String.format(" %-9s", cell));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
