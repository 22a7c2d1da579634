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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.chatcluster.cluster.Endpoint;


/**
 * Every write the cluster acknowledged to a client: rooms, their members, their messages (by the
 * client-made message id). Thread-safe. After a fault, each of them must be found again.
 */
public class AckLog {

    private final Set<Long> rooms = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<Long>> members = new ConcurrentHashMap<>();
    private final Map<Long, Set<UUID>> messages = new ConcurrentHashMap<>();
    private final List<InDoubtMessage> inDoubt = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger unknownOutcomes = new AtomicInteger();
    private final AtomicInteger unknownThatHadCommitted = new AtomicInteger();
    private final AtomicInteger unknownResolved = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final Map<String, AtomicInteger> refusedBySqlState = new ConcurrentHashMap<>();

    public void room(long roomId) {
        rooms.add(roomId);
    }

    public void member(long roomId, long userId) {
        members.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(userId);
    }

    public void message(long roomId, UUID clientId) {
        messages.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(clientId);
    }

    /** A write whose outcome the client did not learn: its connection was lost while COMMIT was under way. */
    public void unknownOutcome() {
        unknownOutcomes.incrementAndGet();
    }

    /** A write with an unknown outcome was written again and acknowledged; {@code hadCommitted}: it found itself stored. */
    public void unknownResolved(boolean hadCommitted) {
        unknownResolved.incrementAndGet();
        if (hadCommitted) {
            unknownThatHadCommitted.incrementAndGet();
        }
    }

    /** One more attempt of a write that had failed. */
    public void retry() {
        retries.incrementAndGet();
    }

    /** A write the database refused (it did not happen), after any retries. */
    public void refused(String sqlState) {
        refusedBySqlState.computeIfAbsent(String.valueOf(sqlState), s -> new AtomicInteger()).incrementAndGet();
    }

    public int refusedWrites() {
        return refusedBySqlState.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int retries() {
        return retries.get();
    }

    public int unknownResolved() {
        return unknownResolved.get();
    }

    /** A message whose outcome a client could not learn within its retry window. */
    public record InDoubtMessage(long roomId, long senderId, String body, UUID clientId) {
    }

    public void inDoubt(InDoubtMessage message) {
        inDoubt.add(message);
    }

    public int inDoubtMessages() {
        return inDoubt.size();
    }

    /**
     * Resolves every message still in doubt through the endpoint: the client writes it again with the same
     * client-made id ({@link RetryPolicy}, within the given window), and it counts as acknowledged. Returns how many
     * had been stored already (the new attempt met its own message).
     */
    public int resolveInDoubt(Endpoint endpoint, Duration within) {
        int wereStored = 0;
        RetryPolicy policy = RetryPolicy.within(within);
        try (ChatApplication app = policy.session(endpoint)) {
            for (InDoubtMessage m : List.copyOf(inDoubt)) {
                boolean stored = policy.write(() -> app.send(m.roomId(), m.senderId(), m.body(), m.clientId()).wasAlreadyStored(), this);
                unknownResolved(stored);
                if (stored) {
                    wereStored++;
                }
                message(m.roomId(), m.clientId());
                inDoubt.remove(m);
            }
        }
        return wereStored;
    }

    public int rooms() {
        return rooms.size();
    }

    public int members() {
        return members.values().stream().mapToInt(Set::size).sum();
    }

    public int messages() {
        return messages.values().stream().mapToInt(Set::size).sum();
    }

    public int unknownOutcomes() {
        return unknownOutcomes.get();
    }

    public int unknownThatHadCommitted() {
        return unknownThatHadCommitted.get();
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs one read over the given rooms and hands each row on; returns how long it took. */
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

    /** Acknowledged, refused and unknown writes, each on its own, with the retries. */
    public String summary() {
        String acknowledged = rooms() + " rooms, " + members() + " members, " + messages() + " messages acknowledged";
        String refused = refusedWrites() == 0 ? "no write refused" : refusedWrites() + " writes refused " + new java.util.TreeMap<>(refusedBySqlState);
        String unknown = unknownOutcomes() == 0 ? "no write with an unknown outcome"
                : unknownOutcomes() + " writes with an unknown outcome (written again with the same id: " + unknownResolved()
                        + ", of which " + unknownThatHadCommitted() + " found themselves already stored; " + inDoubtMessages()
                        + " still in doubt)";
        return acknowledged + "; " + refused + "; " + unknown + "; " + retries() + " retries in all";
    }

    public List<Long> membersOf(long roomId) {
        return new ArrayList<>(members.getOrDefault(roomId, Set.of()));
    }

    public int messagesOf(long roomId) {
        return messages.getOrDefault(roomId, Set.of()).size();
    }

    /**
     * What reading every acknowledged write back found: what is missing, what is stored twice, and how long the
     * slowest of the three read queries took.
     */
    public record ReadBack(String endpoint, Set<Long> missingRooms, Map<Long, Set<Long>> missingMembers,
                           Map<Long, Set<UUID>> missingMessages, Map<Long, List<UUID>> messagesStoredTwice, Duration slowestQuery) {
        public boolean complete() {
            return missingRooms.isEmpty() && missingMembers.isEmpty() && missingMessages.isEmpty() && messagesStoredTwice.isEmpty();
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
            if (!messagesStoredTwice.isEmpty()) {
                problems.add("messages stored more than once in " + messagesStoredTwice.size() + " rooms: " + first(messagesStoredTwice));
            }
            return problems.isEmpty() ? "" : "read through " + endpoint + ": " + String.join("; ", problems);
        }

        private static String first(Map<Long, ?> byRoom) {
            var e = byRoom.entrySet().iterator().next();
            return "room " + e.getKey() + " " + e.getValue();
        }
    }

    /** Reads every acknowledged row back through the endpoint, on a new connection. */
    public ReadBack readBackThrough(Endpoint endpoint) throws SQLException {
        try (Connection c = endpoint.connect()) {
            return readBackOn(c, endpoint.toString());
        }
    }

    /** As {@link #readBackThrough}, on a connection the caller holds. */
    public ReadBack readBackOn(Connection c, String endpoint) throws SQLException {
        Set<Long> roomIds = new HashSet<>(rooms);
        roomIds.addAll(members.keySet());
        roomIds.addAll(messages.keySet());
        Set<Long> foundRooms = new HashSet<>();
        Map<Long, Set<Long>> foundMembers = new HashMap<>();
        Map<Long, List<UUID>> foundMessages = new HashMap<>();
        Long[] ids = roomIds.toArray(new Long[0]);
        Duration slowest = max(max(
                read(c, "SELECT id FROM rooms WHERE id = ANY (?)", ids, rs -> foundRooms.add(rs.getLong(1))),
                read(c, "SELECT room_id, user_id FROM room_members WHERE room_id = ANY (?)", ids,
                        rs -> foundMembers.computeIfAbsent(rs.getLong(1), r -> new HashSet<>()).add(rs.getLong(2)))),
                read(c, "SELECT room_id, client_msg_id FROM messages WHERE room_id = ANY (?)", ids,
                        rs -> foundMessages.computeIfAbsent(rs.getLong(1), r -> new ArrayList<>()).add(rs.getObject(2, UUID.class))));
        Set<Long> missingRooms = new java.util.TreeSet<>(rooms);
        missingRooms.removeAll(foundRooms);
        Map<Long, Set<Long>> missingMembers = new java.util.TreeMap<>();
        members.forEach((room, users) -> {
            Set<Long> missing = new HashSet<>(users);
            missing.removeAll(foundMembers.getOrDefault(room, Set.of()));
            if (!missing.isEmpty()) {
                missingMembers.put(room, missing);
            }
        });
        Map<Long, Set<UUID>> missingMessages = new java.util.TreeMap<>();
        Map<Long, List<UUID>> twice = new java.util.TreeMap<>();
        messages.forEach((room, sent) -> {
            List<UUID> found = foundMessages.getOrDefault(room, List.of());
            Set<UUID> missing = new HashSet<>(sent);
            missing.removeAll(found);
            if (!missing.isEmpty()) {
                missingMessages.put(room, missing);
            }
            List<UUID> duplicates = found.stream().filter(id -> java.util.Collections.frequency(found, id) > 1).distinct().toList();
            if (!duplicates.isEmpty()) {
                twice.put(room, duplicates);
            }
        });
        return new ReadBack(endpoint, missingRooms, missingMembers, missingMessages, twice, slowest);
    }
}
