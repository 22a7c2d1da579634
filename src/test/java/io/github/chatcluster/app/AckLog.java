package io.github.chatcluster.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.chatcluster.cluster.Endpoint;

/**
 * The register of a scenario's writes: every row the cluster acknowledged to a client (rooms, their members, their
 * messages by client-made id), and apart from them the messages resolved after an unknown outcome (written again
 * with the same id by a later step). Beside it, the {@link OutcomeTally} of how writes ended and the
 * {@link InDoubtWrites} not resolved yet. Thread-safe. After a fault, each registered row must be found again
 * ({@link ReadBack}).
 */
public class AckLog {

    private final Set<Long> rooms = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<Long>> members = new ConcurrentHashMap<>();
    private final Map<Long, Set<UUID>> messages = new ConcurrentHashMap<>();
    private final Map<Long, Set<UUID>> resolved = new ConcurrentHashMap<>();
    private final Map<Long, Set<UUID>> refused = new ConcurrentHashMap<>();
    private final Map<UUID, String> whence = new ConcurrentHashMap<>();
    private final OutcomeTally tally = new OutcomeTally();
    private final InDoubtWrites inDoubt = new InDoubtWrites();

    public void room(long roomId) {
        rooms.add(roomId);
    }

    public void member(long roomId, long userId) {
        members.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(userId);
    }

    public void message(long roomId, UUID clientId) {
        messages.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(clientId);
    }

    /** Where and when a message was acknowledged, for the report of a message found missing later. */
    public void acknowledgedThrough(UUID clientId, String endpoint) {
        whence.put(clientId, "acknowledged through " + endpoint + " at " + java.time.Instant.now());
    }

    /** Where and when the message was acknowledged, when its writer said so; else empty. */
    public java.util.Optional<String> whence(UUID clientId) {
        return java.util.Optional.ofNullable(whence.get(clientId));
    }

    /** A message whose outcome was unknown, written again with the same id and acknowledged then. */
    public void resolved(long roomId, UUID clientId) {
        resolved.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(clientId);
    }

    /** A message the client was told was refused (it did not happen): it must not be found. */
    public void refusedMessage(long roomId, UUID clientId) {
        refused.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(clientId);
    }

    public OutcomeTally tally() {
        return tally;
    }

    public InDoubtWrites inDoubt() {
        return inDoubt;
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

    public int resolvedMessages() {
        return resolved.values().stream().mapToInt(Set::size).sum();
    }

    public List<Long> membersOf(long roomId) {
        return new ArrayList<>(members.getOrDefault(roomId, Set.of()));
    }

    public int messagesOf(long roomId) {
        return messages.getOrDefault(roomId, Set.of()).size();
    }

    /** The client-made ids of the room's acknowledged messages. */
    public Set<UUID> messageIdsOf(long roomId) {
        return Set.copyOf(messages.getOrDefault(roomId, Set.of()));
    }

    /** Acknowledged, resolved, refused and unknown writes, each on its own, with the retries. */
    public String summary() {
        return rooms() + " rooms, " + members() + " members, " + messages() + " messages acknowledged; "
                + (resolvedMessages() == 0 ? "" : resolvedMessages() + " messages resolved after an unknown outcome; ")
                + tally + (inDoubt.size() == 0 ? "" : "; " + inDoubt.size() + " still in doubt");
    }

    /** A copy of the register at one moment, for a read-back. */
    record Snapshot(Set<Long> rooms, Map<Long, Set<Long>> members, Map<Long, Set<UUID>> messages, Map<Long, Set<UUID>> resolved,
                    Map<Long, Set<UUID>> refused) {
        Set<Long> roomIds() {
            Set<Long> ids = new HashSet<>(rooms);
            ids.addAll(members.keySet());
            ids.addAll(messages.keySet());
            ids.addAll(resolved.keySet());
            return ids;
        }
    }

    Snapshot snapshot() {
        return new Snapshot(Set.copyOf(rooms), copy(members), copy(messages), copy(resolved), copy(refused));
    }

    private static <T> Map<Long, Set<T>> copy(Map<Long, Set<T>> byRoom) {
        Map<Long, Set<T>> copy = new HashMap<>();
        byRoom.forEach((room, values) -> copy.put(room, Set.copyOf(values)));
        return copy;
    }

    /** Reads every registered row back through the endpoint, on a new connection. */
    public ReadBack readBackThrough(Endpoint endpoint) throws SQLException {
        try (Connection c = endpoint.connect()) {
            return readBackOn(c, endpoint.toString());
        }
    }

    /** As {@link #readBackThrough}, on a connection the caller holds. */
    public ReadBack readBackOn(Connection c, String endpoint) throws SQLException {
        return ReadBack.on(c, endpoint, this);
    }
}
