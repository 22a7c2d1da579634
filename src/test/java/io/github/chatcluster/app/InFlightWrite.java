package io.github.chatcluster.app;

import io.github.chatcluster.cluster.Text;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
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
                others.add(c); // closed below unless it becomes the in-flight write's
                String node = Endpoint.localNodeName(c);
                if (node.equals(wantedNode)) {
                    InFlightWrite write = new InFlightWrite(c, node, roomId, senderId);
                    write.insert();
                    others.remove(c);
                    return write;
                }
            }
        } finally {
            for (Connection c : others) {
                c.close();
            }
        }
        throw new IllegalStateException("20 connections through " + entry + " never landed on " + wantedNode);
    }

    /**
     * Connects to the node directly (not through the load balancer) with the given socket timeout, and inserts one
     * message without committing it.
     */
    public static InFlightWrite beginOn(Endpoint node, long roomId, long senderId, Duration socketTimeout) throws SQLException {
        Connection c = node.connectOnce(Duration.ofSeconds(5), socketTimeout);
        try {
            InFlightWrite write = new InFlightWrite(c, Endpoint.localNodeName(c), roomId, senderId);
            write.insert();
            return write;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** What the client learned from its COMMIT: how long it waited, and the error with its meaning, if any. */
    public record Commit(Duration took, SQLException error, WriteOutcome outcome) {
        public boolean acknowledged() {
            return error == null;
        }

        @Override
        public String toString() {
            return acknowledged() ? "acknowledged after " + took.toMillis() + " ms"
                    : String.format(java.util.Locale.ROOT, "%s after %.1f s: SQLSTATE %s: %s", outcome == WriteOutcome.UNKNOWN
                            ? "outcome unknown (connection lost or coordinator died during COMMIT)" : "refused", took.toMillis() / 1000.0,
                            error.getSQLState(), Text.firstLine(error.getMessage()));
        }
    }

    /** Commits, counts the outcome in the log (acknowledged, refused or unknown), and says what the client can conclude. */
    public Commit commit(AckLog acks) {
        java.time.Instant start = java.time.Instant.now();
        SQLException error = tryCommit();
        Duration took = Duration.between(start, java.time.Instant.now());
        Commit commit = new Commit(took, error, error == null ? null : WriteOutcome.of(error, true));
        if (commit.acknowledged()) {
            acks.message(roomId, clientId);
        } else if (commit.outcome() == WriteOutcome.UNKNOWN) {
            acks.tally().unknownOutcome();
        } else {
            acks.tally().refused(error.getSQLState());
        }
        return commit;
    }

    private void insert() throws SQLException {
        connection.setAutoCommit(false);
        ChatApplication.insertMessage(connection, roomId, clientId, senderId, "in flight");
    }

    /** Tries to commit; returns the error the client saw, or null when the commit succeeded. */
    private SQLException tryCommit() {
        try {
            connection.commit();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /**
     * After a commit with an unknown outcome: reconnects through the entry point and writes the message again with
     * the same client-made id, under the suite's {@link RetryPolicy} (a new connection may still meet the dying
     * coordinator once), and counts the unknown outcome as resolved. Returns whether the new attempt found the
     * message already stored.
     */
    public boolean resolveThrough(Endpoint entry, AckLog acks, Duration within) {
        RetryPolicy policy = RetryPolicy.within(within);
        boolean wasStored;
        try (ChatApplication app = policy.session(entry)) {
            wasStored = policy.write(() -> app.send(roomId, senderId, "in flight", clientId).wasAlreadyStored(), acks.tally());
        }
        acks.tally().unknownResolved(wasStored);
        acks.resolved(roomId, clientId);
        return wasStored;
    }

    public long roomId() {
        return roomId;
    }

    public UUID clientId() {
        return clientId;
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
