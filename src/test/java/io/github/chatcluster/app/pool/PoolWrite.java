package io.github.chatcluster.app.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.cluster.Text;

/** One pooled session's write of a message, and what a failed one was, in a few words. */
final class PoolWrite {

    private PoolWrite() {
    }

    /** Writes one message to the room on the session and records it as acknowledged; returns null, or what failed. */
    static String write(Connection c, AckLog acks, String application, long room, String label) {
        UUID id = UUID.randomUUID();
        try (PreparedStatement w = c.prepareStatement("INSERT INTO messages (room_id, client_msg_id, sender_id, body)"
                + " VALUES (?, ?, ?, ?)")) {
            w.setLong(1, room);
            w.setObject(2, id);
            w.setLong(3, acks.membersOf(room).get(0));
            w.setString(4, application + " " + label);
            w.executeUpdate();
        } catch (SQLException e) {
            return "write " + kind(e);
        }
        acks.message(room, id);
        return null;
    }

    /**
     * What failed, in a few words: "refused by the cluster" when the server answered with an error (its SQLSTATE and
     * the first line of its message), "session broken" when the client's own connection failed (no answer from the
     * server: its socket was closed or reset).
     */
    static String kind(SQLException e) {
        boolean answered = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null;
        String line = Text.firstLine(e.getMessage());
        return (answered ? "refused by the cluster " : "session broken ") + e.getSQLState() + ": "
                + (line.length() > 160 ? line.substring(0, 160) + "..." : line);
    }

    /** A session's task's outcome, waited for at most 90 s. */
    static String outcome(Future<String> f) {
        try {
            return f.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "no outcome (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Gives a borrowed session back to its pool, which drops one it cannot take back. */
    static void giveBack(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the pool drops a session it cannot take back
        }
    }
}
