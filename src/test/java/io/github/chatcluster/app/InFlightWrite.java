package io.github.chatcluster.app;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

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
        ChatApplication.insertMessage(connection, roomId, clientId, senderId, "in flight");
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

    /**
     * Reconnects through the entry point, reads the write back, and writes it again (same client id)
     * only when it is missing. A new connection may still meet the dying coordinator once, so the
     * client tries again for a bounded time, as a careful application does.
     */
    public boolean resolveThrough(Endpoint entry, AckLog acks, Duration within) {
        AtomicReference<Boolean> wasStored = new AtomicReference<>();
        try (ChatApplication app = ChatApplication.session(entry)) {
            await("resolving the in-doubt write through " + entry).atMost(within).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).ignoreException(ChatApplication.ChatDatabaseException.class)
                    .until(() -> {
                        boolean stored = app.hasMessage(roomId, clientId);
                        wasStored.compareAndSet(null, stored);
                        if (!stored) {
                            app.send(roomId, senderId, "in flight", clientId);
                        }
                        return true;
                    });
        }
        acks.unknownOutcome(wasStored.get());
        acks.message(roomId, clientId);
        return wasStored.get();
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
