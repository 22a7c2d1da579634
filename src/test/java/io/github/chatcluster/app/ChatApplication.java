package io.github.chatcluster.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.github.chatcluster.cluster.Endpoint;


/**
 * The chat application, as a client of the cluster through one entry point (a coordinator or the
 * load balancer). A room has exactly two members; only members send messages. Ids are client-made
 * (rooms, message client ids) or come from the entry coordinator's sequence (message ids), which
 * are neither small nor consecutive.
 */
public class ChatApplication implements AutoCloseable {

    public static final int MEMBERS_PER_ROOM = 2;

    public record Message(long id, UUID clientId, long senderId, String body, OffsetDateTime sentAt) {
    }

    /** The application refused an action a user asked for. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Transactions tx;

    private ChatApplication(Endpoint endpoint, boolean keepsItsConnection) {
        this.tx = new Transactions(endpoint, keepsItsConnection);
    }

    /** A client that opens a new connection for every transaction (each may land on another coordinator). */
    public static ChatApplication through(Endpoint endpoint) {
        return new ChatApplication(endpoint, false);
    }

    /**
     * A client that keeps one connection, like an application with a pool, and opens a new one through
     * the same entry point when it broke. Not thread-safe: one per client thread.
     */
    public static ChatApplication session(Endpoint endpoint) {
        return new ChatApplication(endpoint, true);
    }

    /**
     * Every statement of this client is cancelled by the database after this long (statement_timeout on its
     * connections): a write that waits on a lock (for example a row left locked by a prepared transaction of a dead
     * coordinator) ends with SQLSTATE 57014 instead of waiting for the socket timeout.
     */
    public ChatApplication boundingEachStatementTo(Duration bound) {
        tx.boundEachStatementTo(bound);
        return this;
    }

    /** Creates the room; returns true when it was already there (a retry after an unknown outcome). */
    public boolean createRoom(long roomId, String name) {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rooms (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                Transactions.bind(ps, roomId, name);
                return ps.executeUpdate() == 0;
            }
        });
    }

    /**
     * Adds a member; returns true when the user already was one (a retry after an unknown outcome). The room's
     * row counts its members: the conditional UPDATE takes the room's row lock (on both copies of its shard) in the
     * same transaction as the INSERT, so two joins through two coordinators cannot both take the last place.
     */
    public boolean join(long roomId, long userId) {
        return tx.run(c -> {
            if (Transactions.exists(c, "SELECT 1 FROM room_members WHERE room_id = ? AND user_id = ?", roomId, userId)) {
                return true;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE rooms SET member_count = member_count + 1 WHERE id = ? AND member_count < ? RETURNING member_count")) {
                ps.setLong(1, roomId);
                ps.setInt(2, MEMBERS_PER_ROOM);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        if (!Transactions.exists(c, "SELECT 1 FROM rooms WHERE id = ?", roomId)) {
                            throw new Refused("room " + roomId + " does not exist");
                        }
                        throw new Refused("room " + roomId + " is full: it already has its " + MEMBERS_PER_ROOM
                                + " members " + members(c, roomId) + ", so user " + userId + " cannot join");
                    }
                }
            }
            Transactions.update(c, "INSERT INTO room_members (room_id, user_id) VALUES (?, ?)", roomId, userId);
            return false;
        });
    }

    /** A message the database took: its id, and whether it was already stored under its client-made id. */
    public record Sent(long id, boolean wasAlreadyStored) {
    }

    /** Sends a message with a new client-made id; returns the message's id. */
    public long send(long roomId, long senderId, String body) {
        return send(roomId, senderId, body, UUID.randomUUID()).id();
    }

    /**
     * Sends a message under a client-made id. Members never leave a room, so the membership check and the INSERT in
     * one transaction are enough. A retry with the same id is harmless only because of the schema's UNIQUE
     * (room_id, client_msg_id): ON CONFLICT DO NOTHING names no constraint, so without it a retry would store the
     * message a second time.
     */
    public Sent send(long roomId, long senderId, String body, UUID clientId) {
        return tx.run(c -> {
            if (!Transactions.exists(c, "SELECT 1 FROM room_members WHERE room_id = ? AND user_id = ?", roomId, senderId)) {
                throw new Refused("user " + senderId + " is not a member of room " + roomId);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO messages (room_id, client_msg_id, sender_id, body) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING RETURNING id""")) {
                ps.setLong(1, roomId);
                ps.setObject(2, clientId);
                ps.setLong(3, senderId);
                ps.setString(4, body);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Sent(rs.getLong(1), false);
                    }
                }
            }
            return new Sent(messageId(c, roomId, clientId), true);
        });
    }

    /**
     * The plain INSERT of one message on the caller's connection and in its transaction: no membership check and no
     * ON CONFLICT, for clients whose write must fail or succeed as the database decides (fault scenarios).
     */
    static void insertMessage(Connection c, long roomId, UUID clientId, long senderId, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO messages (room_id, client_msg_id, sender_id, body) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, roomId);
            ps.setObject(2, clientId);
            ps.setLong(3, senderId);
            ps.setString(4, body);
            ps.executeUpdate();
        }
    }

    /** How many of the room's latest messages there are, up to the limit: what a chat client shows first. */
    public int latestMessages(long roomId, int limit) {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM (SELECT id FROM messages WHERE room_id = ? ORDER BY sent_at DESC LIMIT ?) latest")) {
                ps.setLong(1, roomId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The room's messages in the order they were sent. */
    public List<Message> history(long roomId) {
        return tx.run(c -> {
            List<Message> messages = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, client_msg_id, sender_id, body, sent_at FROM messages
                    WHERE room_id = ? ORDER BY sent_at, id""")) {
                ps.setLong(1, roomId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        messages.add(new Message(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3),
                                rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
                    }
                }
            }
            return messages;
        });
    }

    public List<Long> members(long roomId) {
        return tx.run(c -> members(c, roomId));
    }

    public boolean roomExists(long roomId) {
        return tx.run(c -> Transactions.exists(c, "SELECT 1 FROM rooms WHERE id = ?", roomId));
    }

    public boolean hasMessage(long roomId, UUID clientId) {
        return tx.run(c -> Transactions.exists(c, "SELECT 1 FROM messages WHERE room_id = ? AND client_msg_id = ?", roomId, clientId));
    }

    /**
     * How many rooms there are: a query over every shard of rooms, so that a session's coordinator then keeps a
     * connection to every worker for it (Citus caches one per worker between queries).
     */
    public long roomCount() {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM rooms"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public long roomIdNamed(String name) {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM rooms WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no room named '" + name + "'");
                    }
                    return rs.getLong(1);
                }
            }
        });
    }

    private static List<Long> members(Connection c, long roomId) throws SQLException {
        List<Long> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id")) {
            ps.setLong(1, roomId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getLong(1));
                }
            }
        }
        return members;
    }

    private static long messageId(Connection c, long roomId, UUID clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM messages WHERE room_id = ? AND client_msg_id = ?")) {
            ps.setLong(1, roomId);
            ps.setObject(2, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("message " + clientId + " neither inserted nor found");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Ends the session, if any. */
    @Override
    public void close() {
        tx.close();
    }
}
