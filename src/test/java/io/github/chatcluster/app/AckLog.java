package io.github.chatcluster.app;

import static org.assertj.core.api.Assertions.assertThat;

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

    public void room(long roomId) {
        rooms.add(roomId);
    }

    public void member(long roomId, long userId) {
        members.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(userId);
    }

    public void message(long roomId, UUID clientId) {
        messages.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(clientId);
    }

    /** A write whose outcome the client did not learn; {@code hadCommitted}: re-reading found it stored. */
    public void unknownOutcome(boolean hadCommitted) {
        unknownOutcomes.incrementAndGet();
        if (hadCommitted) {
            unknownThatHadCommitted.incrementAndGet();
        }
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
     * Resolves every message still in doubt through the endpoint: read it back, write it again (same
     * client-made id) when it is missing, then count it as acknowledged. Returns how many had been stored.
     */
    public int resolveInDoubt(Endpoint endpoint, Duration within) {
        int wereStored = 0;
        try (ChatApplication app = ChatApplication.session(endpoint)) {
            for (InDoubtMessage m : List.copyOf(inDoubt)) {
                java.util.concurrent.atomic.AtomicBoolean stored = new java.util.concurrent.atomic.AtomicBoolean();
                org.awaitility.Awaitility.await("resolving in-doubt message " + m.clientId() + " through " + endpoint)
                        .atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                        .ignoreException(ChatApplication.ChatDatabaseException.class)
                        .until(() -> {
                            stored.set(app.hasMessage(m.roomId(), m.clientId()));
                            if (!stored.get()) {
                                app.send(m.roomId(), m.senderId(), m.body(), m.clientId());
                            }
                            return true;
                        });
                if (stored.get()) {
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

    public String summary() {
        String acknowledged = rooms() + " rooms, " + members() + " members, " + messages() + " messages acknowledged";
        return unknownOutcomes() == 0 ? acknowledged + ", no write with an unknown outcome"
                : acknowledged + "; " + unknownOutcomes() + " writes with an unknown outcome (" + unknownThatHadCommitted()
                        + " of them had been stored, the rest were retried)";
    }

    public List<Long> membersOf(long roomId) {
        return new ArrayList<>(members.getOrDefault(roomId, Set.of()));
    }

    public int messagesOf(long roomId) {
        return messages.getOrDefault(roomId, Set.of()).size();
    }

    /**
     * Every acknowledged row is read back through the endpoint (on a new connection), and no message
     * is stored twice. Returns how long the slowest of the three read queries took.
     */
    public Duration assertAllVisibleThrough(Endpoint endpoint) {
        try (Connection c = endpoint.connect()) {
            return assertAllVisibleOn(c, endpoint.toString());
        } catch (SQLException e) {
            throw new AssertionError("Reading the acknowledged writes through " + endpoint + " failed: " + e.getMessage(), e);
        }
    }

    /** As {@link #assertAllVisibleThrough}, on a connection the caller holds; a failed read throws its SQLException. */
    public Duration assertAllVisibleOn(Connection c, String endpoint) throws SQLException {
        List<Long> roomIds = new ArrayList<>(rooms);
        roomIds.addAll(members.keySet());
        roomIds.addAll(messages.keySet());
        {
            Set<Long> foundRooms = new HashSet<>();
            Map<Long, Set<Long>> foundMembers = new HashMap<>();
            Map<Long, List<UUID>> foundMessages = new HashMap<>();
            Long[] ids = new HashSet<>(roomIds).toArray(new Long[0]);
            Duration slowest = max(max(
                    read(c, "SELECT id FROM rooms WHERE id = ANY (?)", ids,
                            rs -> foundRooms.add(rs.getLong(1))),
                    read(c, "SELECT room_id, user_id FROM room_members WHERE room_id = ANY (?)", ids,
                            rs -> foundMembers.computeIfAbsent(rs.getLong(1), r -> new HashSet<>()).add(rs.getLong(2)))),
                    read(c, "SELECT room_id, client_msg_id FROM messages WHERE room_id = ANY (?)", ids,
                            rs -> foundMessages.computeIfAbsent(rs.getLong(1), r -> new ArrayList<>())
                                    .add(rs.getObject(2, UUID.class))));
            assertThat(foundRooms).as("acknowledged rooms read through %s", endpoint).containsAll(rooms);
            members.forEach((room, users) -> assertThat(foundMembers.getOrDefault(room, Set.of()))
                    .as("acknowledged members of room %d read through %s", room, endpoint).containsAll(users));
            messages.forEach((room, sent) -> assertThat(foundMessages.getOrDefault(room, List.of()))
                    .as("acknowledged messages of room %d read through %s", room, endpoint)
                    .containsAll(sent).doesNotHaveDuplicates());
            return slowest;
        }
    }
}
