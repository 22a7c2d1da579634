package io.github.chatcluster.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What reading every registered write back found: the acknowledged rooms, members and messages that are missing,
 * the resolved messages (written again after an unknown outcome) that are missing, the messages stored more than once,
 * the messages stored although the client was told they were refused,
 * and how long the slowest of the three read queries took.
 */
public record ReadBack(String endpoint, Set<Long> missingRooms, Map<Long, Set<Long>> missingMembers,
                       Map<Long, Set<UUID>> missingMessages, Map<Long, Set<UUID>> missingResolved,
                       Map<Long, List<UUID>> messagesStoredTwice, Map<Long, Set<UUID>> storedThoughRefused, Duration slowestQuery) {

    public boolean complete() {
        return problems().isEmpty();
    }

    /** One line per kind of problem; empty when complete. */
    public String problems() {
        List<String> problems = new ArrayList<>();
        if (!missingRooms.isEmpty()) {
            problems.add(missingRooms.size() + " acknowledged rooms missing, e.g. " + missingRooms.iterator().next());
        }
        if (!missingMembers.isEmpty()) {
            problems.add("acknowledged members missing in " + missingMembers.size() + " rooms: " + first(missingMembers));
        }
        if (!missingMessages.isEmpty()) {
            problems.add("acknowledged messages missing in " + missingMessages.size() + " rooms: " + first(missingMessages));
        }
        if (!missingResolved.isEmpty()) {
            problems.add("resolved messages (written again after an unknown outcome) missing in " + missingResolved.size()
                    + " rooms: " + first(missingResolved));
        }
        if (!storedThoughRefused.isEmpty()) {
            problems.add("messages the clients were told were refused are stored, in " + storedThoughRefused.size() + " rooms: "
                    + first(storedThoughRefused));
        }
        if (!messagesStoredTwice.isEmpty()) {
            problems.add("messages stored more than once in " + messagesStoredTwice.size() + " rooms: " + first(messagesStoredTwice));
        }
        return problems.isEmpty() ? "" : "read through " + endpoint + ": " + String.join("; ", problems);
    }

    private static String first(Map<Long, ?> byRoom) {
        var e = byRoom.entrySet().iterator().next();
        return "room " + e.getKey() + " " + e.getValue();
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Reads every write the log registered back on the connection, in three queries over the rooms concerned. */
    static ReadBack on(Connection c, String endpoint, AckLog log) throws SQLException {
        AckLog.Snapshot expected = log.snapshot();
        Set<Long> foundRooms = new HashSet<>();
        Map<Long, Set<Long>> foundMembers = new HashMap<>();
        Map<Long, List<UUID>> foundMessages = new HashMap<>();
        Long[] ids = expected.roomIds().toArray(new Long[0]);
        Duration slowest = max(max(
                read(c, "SELECT id FROM rooms WHERE id = ANY (?)", ids, rs -> foundRooms.add(rs.getLong(1))),
                read(c, "SELECT room_id, user_id FROM room_members WHERE room_id = ANY (?)", ids,
                        rs -> foundMembers.computeIfAbsent(rs.getLong(1), r -> new HashSet<>()).add(rs.getLong(2)))),
                read(c, "SELECT room_id, client_msg_id FROM messages WHERE room_id = ANY (?)", ids,
                        rs -> foundMessages.computeIfAbsent(rs.getLong(1), r -> new ArrayList<>()).add(rs.getObject(2, UUID.class))));
        Set<Long> missingRooms = new TreeSet<>(expected.rooms());
        missingRooms.removeAll(foundRooms);
        Map<Long, List<UUID>> twice = new TreeMap<>();
        foundMessages.forEach((room, found) -> {
            Set<UUID> seen = new HashSet<>();
            List<UUID> duplicates = found.stream().filter(id -> !seen.add(id)).distinct().toList();
            if (!duplicates.isEmpty()) {
                twice.put(room, duplicates);
            }
        });
        Map<Long, Set<UUID>> storedThoughRefused = new TreeMap<>();
        expected.refused().forEach((room, refusedIds) -> {
            Set<UUID> there = new java.util.HashSet<>(foundMessages.getOrDefault(room, List.of()));
            there.retainAll(refusedIds);
            if (!there.isEmpty()) {
                storedThoughRefused.put(room, there);
            }
        });
        return new ReadBack(endpoint, missingRooms, missing(expected.members(), foundMembers),
                missing(expected.messages(), foundMessages), missing(expected.resolved(), foundMessages), twice,
                storedThoughRefused, slowest);
    }

    private static <T> Map<Long, Set<T>> missing(Map<Long, Set<T>> expected, Map<Long, ? extends java.util.Collection<T>> found) {
        java.util.Collection<T> none = List.of();
        Map<Long, Set<T>> missing = new TreeMap<>();
        expected.forEach((room, values) -> {
            Set<T> left = new HashSet<>(values);
            java.util.Collection<T> there = found.get(room);
            left.removeAll(there == null ? none : there);
            if (!left.isEmpty()) {
                missing.put(room, left);
            }
        });
        return missing;
    }

    private static Duration read(Connection c, String sql, Long[] roomIds, Row row) throws SQLException {
        Instant start = Instant.now();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", roomIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
        return Duration.between(start, Instant.now());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
