package io.github.chatcluster.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.cluster.Endpoint;

/**
 * A client that has connected through the load balancer, landed on a given coordinator, and is in
 * the middle of a transaction that writes one message: inserted, not yet committed.
 */
public class InFlightWrite implements AutoCloseable {

    private final Connection connection;
    private final long roomId;
    private final long senderId;
    private final UUID clientId = UUID.randomUUID();
    private final String landedOn;

    private InFlightWrite(Connection connection, String landedOn, long roomId, long senderId) {
        this.connection = connection;
        this.landedOn = landedOn;
        this.roomId = roomId;
        this.senderId = senderId;
    }

    /** Opens connections through the entry point until one lands on the wanted node (at most 20 tries). */
    public static InFlightWrite begin(Endpoint entry, String wantedNode, long roomId, long senderId) throws SQLException {
        List<Connection> others = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                Connection c = entry.connect();
                String node = CitusCatalog.localNodeName(c);
                if (node.equals(wantedNode)) {
                    InFlightWrite write = new InFlightWrite(c, node, roomId, senderId);
                    write.insert();
                    return write;
                }
                others.add(c);
            }
        } finally {
            for (Connection c : others) {
                c.close();
            }
        }
        throw new IllegalStateException("20 connections through " + entry + " never landed on " + wantedNode);
    }

    private void insert() throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO messages (room_id, client_msg_id, sender_id, body) VALUES (?, ?, ?, 'in flight')")) {
            ps.setLong(1, roomId);
            ps.setObject(2, clientId);
            ps.setLong(3, senderId);
            ps.executeUpdate();
        }
    }

    /** Tries to commit; returns the error the client saw, or null when the commit succeeded. */
    public SQLException tryCommit() {
        try {
            connection.commit();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** Reconnects through the entry point, reads the write back, and writes it again only when it is missing. */
    public boolean resolveThrough(Endpoint entry, AckLog acks) {
        ChatApplication app = ChatApplication.through(entry);
        boolean wasStored = app.hasMessage(roomId, clientId);
        acks.unknownOutcome(wasStored);
        if (!wasStored) {
            app.send(roomId, senderId, "in flight", clientId);
        }
        acks.message(roomId, clientId);
        return wasStored;
    }

    public long roomId() {
        return roomId;
    }

    public UUID clientId() {
        return clientId;
    }

    public String landedOn() {
        return landedOn;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is already broken: that is what the scenario is about
        }
    }
}
