package io.github.chatcluster.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;


/**
 * The shard placement map for the report, as a table and as a picture: one row per hash range, the shard of
 * each chat table for that range, and which workers store them ("all 3": the worker stores that range's
 * shard of every chat table; "ONLY n": co-location is broken there; "-": not stored there).
 */
public final class PlacementMap {

    private final Map<Long, Map<String, Long>> shards = new TreeMap<>();
    private final Map<Long, TreeSet<String>> nodes = new TreeMap<>();
    private final Map<Long, String> ranges = new LinkedHashMap<>();

    private PlacementMap() {
    }

    /** Reads the placements of the chat tables from the catalog of the coordinator. */
    public static PlacementMap read(Endpoint coordinator) {
        PlacementMap map = new PlacementMap();
        try (Connection c = coordinator.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.logicalrelid::regclass::text, s.shardid, s.shardminvalue::bigint, s.shardmaxvalue::bigint, n.nodename
                FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'
                WHERE s.logicalrelid::regclass::text = ANY (?)
                ORDER BY s.shardminvalue::bigint""")) {
            ps.setArray(1, c.createArrayOf("text", ChatTables.NAMES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long min = rs.getLong(3);
                    map.shards.computeIfAbsent(min, k -> new LinkedHashMap<>()).put(rs.getString(1), rs.getLong(2));
                    map.nodes.computeIfAbsent(min, k -> new TreeSet<>()).add(rs.getString(1) + "@" + rs.getString(5));
                    map.ranges.put(min, min + " .. " + rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the placement map failed: " + e.getMessage(), e);
        }
        return map;
    }

    /** "all 3", "ONLY n" or "-": what the worker stores of the hash range's shards. */
    private String cell(long min, String worker) {
        long tablesHere = ChatTables.NAMES.stream().filter(t -> nodes.get(min).contains(t + "@" + worker)).count();
        return tablesHere == ChatTables.NAMES.size() ? "all " + tablesHere
                : tablesHere == 0 ? "-" : "ONLY " + tablesHere;
    }

    public String text() {
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%-26s", "hash range of room ids"));
        ChatTables.NAMES.forEach(t -> text.append(String.format(java.util.Locale.ROOT, " %-13s", t)));
        ChatCluster.WORKERS.forEach(w -> text.append(String.format(java.util.Locale.ROOT, " %-9s", w)));
        text.append('\n');
        for (Long min : shards.keySet()) {
            text.append(String.format(java.util.Locale.ROOT, "%-26s", ranges.get(min)));
            ChatTables.NAMES.forEach(t -> text.append(String.format(java.util.Locale.ROOT, " %-13s", shards.get(min).getOrDefault(t, null))));
            ChatCluster.WORKERS.forEach(w -> text.append(String.format(java.util.Locale.ROOT, " %-9s", cell(min, w))));
            text.append('\n');
        }
        return text.toString();
    }

    /** The same map as an SVG picture: a column per worker, a row per hash range, filled where it is stored. */
    public String svg() {
        int rowHeight = 16;
        int labelWidth = 250;
        int cellWidth = 90;
        int top = 40;
        List<String> workers = ChatCluster.WORKERS;
        int width = labelWidth + cellWidth * workers.size() + 10;
        int height = top + rowHeight * shards.size() + 44;
        StringBuilder svg = new StringBuilder(String.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" font-size=\"11\">%n",
                width, height));
        svg.append(String.format(java.util.Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append("<text x=\"4\" y=\"14\" font-weight=\"bold\">Shards of rooms, room_members and messages per hash range of room ids</text>\n");
        svg.append(String.format(java.util.Locale.ROOT, "<text x=\"4\" y=\"%d\">hash range (shard of rooms)</text>%n", top - 6));
        for (int w = 0; w < workers.size(); w++) {
            svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
                    labelWidth + w * cellWidth + 10, top - 6, workers.get(w)));
        }
        int row = 0;
        for (Long min : shards.keySet()) {
            int y = top + row * rowHeight;
            svg.append(String.format(java.util.Locale.ROOT, "<text x=\"4\" y=\"%d\">%s (%s)</text>%n", y + 12, ranges.get(min),
                    shards.get(min).getOrDefault("rooms", null)));
            for (int w = 0; w < workers.size(); w++) {
                String cell = cell(min, workers.get(w));
                String fill = cell.startsWith("all") ? "#3a7d44" : cell.equals("-") ? "#f0f0f0" : "#c0392b";
                int x = labelWidth + w * cellWidth;
                svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"white\"/>%n",
                        x, y, cellWidth - 2, rowHeight - 2, fill));
                if (!cell.equals("-")) {
                    svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"white\">%s</text>%n", x + 6, y + 11, cell));
                }
            }
            row++;
        }
        int legend = top + rowHeight * shards.size() + 18;
        svg.append(String.format(java.util.Locale.ROOT, "<text x=\"4\" y=\"%d\">green: the worker stores that range's shard of all three tables;</text>%n"
                + "<text x=\"4\" y=\"%d\">red: only some of them (co-location broken); grey: none. Two per row: two copies.</text>%n",
                legend, legend + 14));
        return svg.append("</svg>\n").toString();
    }
}
