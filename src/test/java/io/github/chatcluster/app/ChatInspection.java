package io.github.chatcluster.app;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.cluster.Endpoint;


/** Questions the suite asks about the chat data as a whole (not a user's actions): counts, duplicates, query plans. */
public final class ChatInspection {

    private final Transactions tx;

    private ChatInspection(Endpoint endpoint) {
        this.tx = new Transactions(endpoint, false);
    }

    /** Each call runs in its own transaction on a new connection through the entry point. */
    public static ChatInspection through(Endpoint endpoint) {
        return new ChatInspection(endpoint);
    }

    /** Ids of every room, in ascending order. */
    public List<Long> roomIds() {
        return tx.run(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM rooms ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Rows of one chat table, as a coordinator counts them (each row once, whatever its copies). */
    public long count(String table) {
        if (!ChatTables.NAMES.contains(table)) {
            throw new IllegalArgumentException("not a chat table: " + table);
        }
        return tx.run(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Client-made message ids stored more than once, over all rooms. */
    public List<UUID> duplicateMessages() {
        return tx.run(c -> {
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
        return tx.run(c -> {
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

    /** How many messages one room has. */
    public long messagesIn(long roomId) {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM messages WHERE room_id = ?")) {
                ps.setLong(1, roomId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The plan of the chat's join of rooms, members and messages: of one room, or of every room when roomId is null. */
    public String explainRoomJoin(Long roomId) {
        return explain("SELECT r.name, m.user_id, g.body FROM rooms r JOIN room_members m ON m.room_id = r.id "
                + "JOIN messages g ON g.room_id = r.id " + (roomId == null ? "" : "WHERE r.id = " + roomId));
    }

    public String explain(String sql) {
        return tx.run(c -> {
            StringBuilder plan = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        });
    }
}
