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
 * The shard placement map for the report: one row per hash range, the shard of each chat table
 * for that range, and the workers storing it, as the catalog of coordinator-1 says.
 */
public final class PlacementMap {

    private PlacementMap() {
    }

    public static String html(Endpoint coordinator) {
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
        StringBuilder html = new StringBuilder("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse\">"
                + "<tr><th>hash range of room ids</th>");
        ChatApplication.TABLES.forEach(t -> html.append("<th>").append(t).append(" shard</th>"));
        ChatCluster.WORKERS.forEach(w -> html.append("<th>").append(w).append("</th>"));
        html.append("</tr>");
        for (Long min : shards.keySet()) {
            html.append("<tr><td>").append(ranges.get(min)).append("</td>");
            ChatApplication.TABLES.forEach(t -> html.append("<td>").append(shards.get(min).getOrDefault(t, null)).append("</td>"));
            for (String worker : ChatCluster.WORKERS) {
                long tablesHere = ChatApplication.TABLES.stream().filter(t -> nodes.get(min).contains(t + "@" + worker)).count();
                String cell = tablesHere == ChatApplication.TABLES.size() ? "&#9632; all 3"
                        : tablesHere == 0 ? "" : "&#9888; " + tablesHere + " of 3";
                html.append("<td style=\"text-align:center\">").append(cell).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }
}
