package io.github.chatcluster.catalog;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;

/**
 * Which copy of a shard serves its reads, measured on the workers: each worker's scan counters of the rooms' messages
 * shard tables ({@code seq_scan + idx_scan} of {@code pg_stat_user_tables}), before and after the reads. Each read runs on
 * a coordinator session that keeps no connection to the workers ({@code citus.max_cached_conns_per_worker = 0}), so
 * that the worker's backend ends with the read and its counters are flushed; the reads are counted once the counters
 * of all workers add up to one scan per read (at most 20 s).
 */
public final class ReadServing {

    /** Per worker: reads it served; per shard: the workers whose copy served its reads. */
    public record Served(Map<String, Long> byWorker, Map<Long, java.util.Set<String>> byShard, Map<Long, java.util.Set<String>> placements,
                         int reads, long counted, String taskAssignmentPolicy) {
        public String table() {
            StringBuilder t = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "%d reads, %d scans counted on the workers (citus.task_assignment_policy = %s)%n", reads, counted, taskAssignmentPolicy));
            byWorker.forEach((w, n) -> t.append(String.format(java.util.Locale.ROOT, "  %-10s served %4d reads%n", w, n)));
            long both = byShard.values().stream().filter(s -> s.size() > 1).count();
            t.append(String.format(java.util.Locale.ROOT, "  shards whose reads both copies served: %d of %d%n", both, byShard.size()));
            return t.toString();
        }
    }

    private ReadServing() {
    }

    /**
     * One room id for each shard of the messages table, the smallest that falls in it (no such room need exist: a read
     * of it is still routed to its shard and scans it), so that reading them reads every shard.
     */
    public static List<Long> oneRoomPerShard(ChatCluster cluster) throws SQLException {
        List<Long> rooms = new ArrayList<>();
        try (Connection c = cluster.coordinator1().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(id) FROM generate_series(1, 100000) id"
                     + " GROUP BY get_shard_id_for_distribution_column('messages', id) ORDER BY 1")) {
            while (rs.next()) {
                rooms.add(rs.getLong(1));
            }
        }
        return rooms;
    }

    /** Reads each room's messages {@code times} times through the entry point and says which copies served them. */
    public static Served read(ChatCluster cluster, Endpoint entry, List<Long> rooms, int times) throws SQLException {
        return read(cluster, entry, rooms, times, ChatCluster.WORKERS);
    }

    /** As {@link #read(ChatCluster, Endpoint, List, int)}, counting the scans on the given workers only (the running ones). */
    public static Served read(ChatCluster cluster, Endpoint entry, List<Long> rooms, int times, List<String> workers) throws SQLException {
        Map<Long, Long> shardOfRoom = new LinkedHashMap<>();
        Map<Long, java.util.Set<String>> placements = new TreeMap<>();
        String policy;
        try (Connection c = cluster.coordinator1().connect();
             PreparedStatement ps = c.prepareStatement("SELECT get_shard_id_for_distribution_column('messages', ?)");
             PreparedStatement nodes = c.prepareStatement("SELECT nodename FROM citus_shards WHERE shardid = ?")) {
            for (long room : rooms) {
                ps.setLong(1, room);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    shardOfRoom.put(room, rs.getLong(1));
                }
            }
            for (long shard : new TreeSet<>(shardOfRoom.values())) {
                nodes.setLong(1, shard);
                java.util.Set<String> on = new TreeSet<>();
                try (ResultSet rs = nodes.executeQuery()) {
                    while (rs.next()) {
                        on.add(rs.getString(1));
                    }
                }
                placements.put(shard, on);
            }
        }
        try (Connection c = entry.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW citus.task_assignment_policy")) {
            rs.next();
            policy = rs.getString(1);
        }
        Map<String, Map<Long, Long>> before = counters(cluster, workers, placements.keySet());
        int reads = 0;
        try (Connection c = entry.connect(); Statement s = c.createStatement()) {
            s.execute("SET citus.max_cached_conns_per_worker = 0");
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM messages WHERE room_id = ?")) {
                for (int i = 0; i < times; i++) {
                    for (long room : rooms) {
                        ps.setLong(1, room);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                        }
                        reads++;
                    }
                }
            }
        }
        int expected = reads;
        List<Map<String, Map<Long, Long>>> after = new ArrayList<>(List.of(before));
        try {
            await("the workers' scan counters adding up to " + expected + " reads").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250)).pollInSameThread().ignoreExceptions()
                    .until(() -> {
                        after.set(0, counters(cluster, workers, placements.keySet()));
                        return delta(before, after.get(0)).values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).sum() >= expected;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // counted as far as the counters went: the table says how many scans were counted
        }
        Map<String, Map<Long, Long>> served = delta(before, after.get(0));
        Map<String, Long> byWorker = new TreeMap<>();
        Map<Long, java.util.Set<String>> byShard = new TreeMap<>();
        served.forEach((worker, shards) -> {
            byWorker.put(worker, shards.values().stream().mapToLong(Long::longValue).sum());
            shards.forEach((shard, n) -> {
                if (n > 0) {
                    byShard.computeIfAbsent(shard, k -> new TreeSet<>()).add(worker);
                }
            });
        });
        long counted = byWorker.values().stream().mapToLong(Long::longValue).sum();
        return new Served(byWorker, byShard, placements, reads, counted, policy);
    }

    private static Map<String, Map<Long, Long>> delta(Map<String, Map<Long, Long>> before, Map<String, Map<Long, Long>> after) {
        Map<String, Map<Long, Long>> d = new TreeMap<>();
        after.forEach((w, shards) -> shards.forEach((shard, n) ->
                d.computeIfAbsent(w, k -> new TreeMap<>()).put(shard, n - before.getOrDefault(w, Map.of()).getOrDefault(shard, 0L))));
        return d;
    }

    /** Per worker, per shard it holds: seq_scan + idx_scan of its messages shard table. */
    private static Map<String, Map<Long, Long>> counters(ChatCluster cluster, List<String> workers, java.util.Set<Long> shards) throws SQLException {
        Map<String, Map<Long, Long>> counters = new TreeMap<>();
        for (String worker : workers) {
            Endpoint w = cluster.endpoint(worker);
            Map<Long, Long> byShard = new TreeMap<>();
            try (Connection c = w.connect(); Statement s = c.createStatement()) {
                s.execute("SET citus.override_table_visibility = off");
                try (ResultSet rs = s.executeQuery("SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
                        + " FROM pg_stat_user_tables WHERE relname LIKE 'messages\\_%'")) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        try {
                            long shard = Long.parseLong(name.substring("messages_".length()));
                            if (shards.contains(shard)) {
                                byShard.put(shard, rs.getLong(2));
                            }
                        } catch (NumberFormatException notAShard) {
                            // another table
                        }
                    }
                }
            }
            counters.put(worker, byShard);
        }
        return counters;
    }
}
