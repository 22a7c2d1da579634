package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.chatcluster.cluster.Endpoint;

/**
 * Whether every copy of a shard holds the same rows: on each placement, its row count and a hash of its rows in one
 * order ({@code run_command_on_placements}; a shard with fewer than two copies is named too through coordinator-1, each placement read on its own worker). Shards whose
 * copies differ, or whose copy could not be read, are named with what each copy holds.
 */
public final class ShardContents {

    private ShardContents() {
    }

    /** What the copies of a table's shards hold: one line per shard whose copies differ or could not be read. */
    public static List<String> differences(Endpoint coordinator, String table) throws SQLException {
        Map<Long, List<String>> byShard = new TreeMap<>();
        try (Connection c = coordinator.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT shardid, nodename, success, result FROM run_command_on_placements('"
                     + table + "', $$SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '-')"
                     + " FROM %s t$$) ORDER BY shardid, nodename")) {
            while (rs.next()) {
                String held = rs.getBoolean(3) ? rs.getString(4) : "could not be read: " + rs.getString(4);
                byShard.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + ": " + held);
            }
        }
        List<String> differences = new ArrayList<>();
        byShard.forEach((shard, copies) -> {
            long distinct = copies.stream().map(copy -> copy.substring(copy.indexOf(": ") + 2)).distinct().count();
            if (copies.size() < 2 || distinct > 1 || copies.stream().anyMatch(copy -> copy.contains("could not be read"))) {
                differences.add(table + " shard " + shard + ": " + String.join("; ", copies));
            }
        });
        if (byShard.isEmpty()) {
            differences.add(table + ": no shard placement found");
        }
        return differences;
    }

    /** How many shards of the table were compared (for the report). */
    public static int shards(Endpoint coordinator, String table) throws SQLException {
        try (Connection c = coordinator.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = '" + table + "'::regclass")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
