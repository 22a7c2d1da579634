package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.github.chatcluster.cluster.Endpoint;

/**
 * The transactions a node's backends hold open, whoever opened them: a coordinator's transaction on a worker runs in
 * a backend of the worker (application_name {@code citus_internal gpid=...}), and keeps its locks there until that
 * backend ends it or its connection ends. Only reads.
 */
public final class OpenTransactions {

    private static final String BEGAN_BEFORE = "SELECT pid || ' ' || coalesce(state, '?') || ' since '"
            + " || round(extract(epoch FROM now() - xact_start))::text || ' s (' || coalesce(application_name, '') || ')'"
            + " FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            + " AND xact_start < ? ORDER BY xact_start";

    private OpenTransactions() {
    }

    /** The node's transactions that began before the instant: "pid state since N s (application_name)". */
    public static List<String> beganBefore(Endpoint node, Instant instant) {
        try (Connection c = node.connect(); PreparedStatement s = c.prepareStatement(BEGAN_BEFORE)) {
            s.setTimestamp(1, Timestamp.from(instant));
            List<String> open = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getString(1));
                }
            }
            return open;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the open transactions of " + node + " failed: " + e.getMessage(), e);
        }
    }

    /** What the last look found, and when it ended. */
    public record Look(List<String> open, Instant at) {
        public boolean none() {
            return open.isEmpty();
        }
    }

    /**
     * Looks every 250 ms, in the calling thread, until the node holds no transaction that began before the instant,
     * or the deadline has passed (one look at least). A look that fails is not counted: the next one tells.
     */
    public static Look awaitNoneBegunBefore(Endpoint node, Instant instant, Instant deadline) {
        AtomicReference<Look> last = new AtomicReference<>();
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            Awaitility.await(node + " ending its transactions begun before " + instant)
                    .atMost(left.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : left)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> {
                        last.set(new Look(beganBefore(node, instant), Instant.now()));
                        return last.get().none();
                    });
        } catch (ConditionTimeoutException e) {
            // the last look tells
        }
        return last.get() != null ? last.get() : new Look(List.of("no look answered before the deadline"), Instant.now());
    }
}
