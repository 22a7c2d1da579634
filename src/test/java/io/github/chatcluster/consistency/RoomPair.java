package io.github.chatcluster.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.cluster.Endpoint;

/**
 * Two rooms whose messages are stored on different shards and on different workers (no worker holds a copy of both),
 * so that a transaction writing to both commits on four workers, and a read of both reads two shards. Found in the
 * cluster's own catalog, through coordinator-1.
 */
public record RoomPair(long roomA, long senderA, Set<String> workersA, long roomB, long senderB, Set<String> workersB) {

    public static RoomPair onDisjointWorkers(Endpoint coordinator, List<Long> rooms, AckLog acks) {
        try (Connection c = coordinator.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT nodename FROM citus_shards WHERE shardid = get_shard_id_for_distribution_column('messages', ?)")) {
            java.util.Map<Long, Set<String>> placements = new java.util.LinkedHashMap<>();
            for (long room : rooms) {
                ps.setLong(1, room);
                Set<String> nodes = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        nodes.add(rs.getString(1));
                    }
                }
                placements.put(room, nodes);
            }
            for (var a : placements.entrySet()) {
                for (var b : placements.entrySet()) {
                    if (a.getKey() < b.getKey() && java.util.Collections.disjoint(a.getValue(), b.getValue())) {
                        return new RoomPair(a.getKey(), acks.membersOf(a.getKey()).get(0), a.getValue(),
                                b.getKey(), acks.membersOf(b.getKey()).get(0), b.getValue());
                    }
                }
            }
            throw new IllegalStateException("no two of the " + rooms.size() + " rooms are stored on different workers: " + placements);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read where the rooms are stored: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "room " + roomA + " (on " + String.join(", ", workersA) + ") and room " + roomB + " (on " + String.join(", ", workersB) + ")";
    }
}
