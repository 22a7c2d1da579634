package io.github.chatcluster.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SqlScript;

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

    private final Endpoint endpoint;
    private final boolean keepsItsConnection;
    private Connection session;
    private Duration statementBound;

    private ChatApplication(Endpoint endpoint, boolean keepsItsConnection) {
        this.endpoint = endpoint;
        this.keepsItsConnection = keepsItsConnection;
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

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Every statement of this client is cancelled by the database after this long (statement_timeout on its
     * connections): a write that waits on a lock (for example a row left locked by a prepared transaction of a dead
     * coordinator) ends with SQLSTATE 57014 instead of waiting for the socket timeout.
     */
    public ChatApplication boundingEachStatementTo(Duration bound) {
        this.statementBound = bound;
        return this;
    }

    /** Creates the room; returns true when it was already there (a retry after an unknown outcome). */
    public boolean createRoom(long roomId, String name) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rooms (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                bind(ps, roomId, name);
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
        return inTransaction(c -> {
            if (exists(c, "SELECT 1 FROM room_members WHERE room_id = ? AND user_id = ?", roomId, userId)) {
                return true;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE rooms SET member_count = member_count + 1 WHERE id = ? AND member_count < ? RETURNING member_count")) {
                ps.setLong(1, roomId);
                ps.setInt(2, MEMBERS_PER_ROOM);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        if (!exists(c, "SELECT 1 FROM rooms WHERE id = ?", roomId)) {
                            throw new Refused("room " + roomId + " does not exist");
                        }
                        throw new Refused("room " + roomId + " is full: it already has its " + MEMBERS_PER_ROOM
                                + " members " + members(c, roomId) + ", so user " + userId + " cannot join");
                    }
                }
            }
            update(c, "INSERT INTO room_members (room_id, user_id) VALUES (?, ?)", roomId, userId);
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
        return inTransaction(c -> {
            if (!exists(c, "SELECT 1 FROM room_members WHERE room_id = ? AND user_id = ?", roomId, senderId)) {
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

    /** The room's messages in the order they were sent. */
    public List<Message> history(long roomId) {
        return inTransaction(c -> {
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
        return inTransaction(c -> members(c, roomId));
    }

    public boolean roomExists(long roomId) {
        return inTransaction(c -> exists(c, "SELECT 1 FROM rooms WHERE id = ?", roomId));
    }

    public boolean hasMessage(long roomId, UUID clientId) {
        return inTransaction(c -> exists(c, "SELECT 1 FROM messages WHERE room_id = ? AND client_msg_id = ?", roomId, clientId));
    }

    /** Ids of every room, in ascending order. */
    public List<Long> roomIds() {
        return inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM rooms ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    public long roomIdNamed(String name) {
        return inTransaction(c -> {
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

    /** Rows of one chat table, as a coordinator counts them (each row once, whatever its copies). */
    public long count(String table) {
        if (!ChatTables.NAMES.contains(table)) {
            throw new IllegalArgumentException("not a chat table: " + table);
        }
        return inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Loads the demo's sample data (containers/schema/sample-data.sql) through this entry point. */
    public void loadSampleData(Path sampleData) {
        String script;
        try {
            script = Files.readString(sampleData);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the sample data " + sampleData + ": " + e.getMessage(), e);
        }
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String statement : SqlScript.statements(script)) {
                    s.execute(statement);
                }
            }
            return null;
        });
    }

    /** Empties every chat table (DDL-like: it runs through coordinator-1). */
    public void truncateAll() {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE " + String.join(", ", ChatTables.NAMES));
            }
            return null;
        });
    }

    /** A harmless schema change (DDL): a column added to rooms and dropped again. */
    public void changeSchema() {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE rooms ADD COLUMN IF NOT EXISTS schema_change_probe int");
            }
            return null;
        });
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE rooms DROP COLUMN IF EXISTS schema_change_probe");
            }
            return null;
        });
    }

    /** Client-made message ids stored more than once, over all rooms. */
    public List<UUID> duplicateMessages() {
        return inTransaction(c -> {
            List<UUID> duplicates = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT client_msg_id FROM messages GROUP BY room_id, client_msg_id HAVING count(*) > 1")) {
                while (rs.next()) {
                    duplicates.add(rs.getObject(1, UUID.class));
                }
            }
            return duplicates;
        });
    }

    /** How many times a message with this client-made id is stored. */
    public long copiesOfMessage(long roomId, UUID clientId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM messages WHERE room_id = ? AND client_msg_id = ?")) {
                ps.setLong(1, roomId);
                ps.setObject(2, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public String explain(String sql) {
        return inTransaction(c -> {
            StringBuilder plan = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
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

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void update(String sql, Object... params) {
        inTransaction(c -> {
            update(c, sql, params);
            return null;
        });
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * One transaction: committed when the work returns, rolled back when it throws. A database error says in which
     * phase it came: before COMMIT was sent the transaction cannot have committed; during COMMIT it may have.
     */
    private <T> T inTransaction(Work<T> work) {
        Connection c = null;
        boolean committing = false;
        try {
            c = connection();
            c.setAutoCommit(false);
            T result = work.run(c);
            committing = true;
            c.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            drop(c);
            throw new ChatDatabaseException(endpoint, e, committing);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            if (!keepsItsConnection) {
                drop(c);
            }
        }
    }

    private Connection connection() throws SQLException {
        if (!keepsItsConnection) {
            return open();
        }
        if (session == null) {
            session = open();
        }
        return session;
    }

    private Connection open() throws SQLException {
        Connection c = endpoint.connect();
        if (statementBound != null) {
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + statementBound.toMillis());
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (c != null && !c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; it is dropped
        }
    }

    /** Closes the connection; a session opens a new one for its next transaction. */
    private void drop(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken
        }
        if (c == session) {
            session = null;
        }
    }

    /** Ends the session, if any. */
    public void close() {
        drop(session);
    }

    /**
     * A database error met by the application, with its SQLSTATE and what it means for a write: {@link
     * WriteOutcome#UNKNOWN} only when the client's own connection was lost while COMMIT was under way; any other error
     * means the transaction was rolled back ({@link WriteOutcome#REFUSED}).
     */
    public static class ChatDatabaseException extends RuntimeException {
        private final String sqlState;
        private final WriteOutcome outcome;

        ChatDatabaseException(Endpoint endpoint, SQLException e, boolean duringCommit) {
            super("through " + endpoint + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
            this.sqlState = e.getSQLState();
            this.outcome = WriteOutcome.of(e, duringCommit);
        }

        public String sqlState() {
            return sqlState;
        }

        public WriteOutcome outcome() {
            return outcome;
        }

        /** A refusal that a new attempt cannot change (a constraint, a read-only node, an unsupported command). */
        public boolean isFinal() {
            return outcome == WriteOutcome.REFUSED && WriteOutcome.isFinalRefusal(sqlState);
        }
    }
}
