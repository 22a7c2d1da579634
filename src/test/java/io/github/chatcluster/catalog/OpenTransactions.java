package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.github.chatcluster.cluster.Endpoint;

/**
 * A coordinator's transaction as a worker holds it: the coordinator runs it on the worker through a session of its own,
 * named after the global process id of the coordinator's backend ({@code citus_internal gpid=...}, Citus's
 * {@code citus_backend_gpid()}), which keeps the transaction's locks on the worker until the coordinator ends it or
 * that session ends. Found by that name, not by time: no clock of the test's machine is compared with a node's. Only
 * reads.
 */
public final class OpenTransactions {

    private static final String OF_GPID = "SELECT pid || ' ' || coalesce(state, '?') || ' for '"
            + " || coalesce(round(extract(epoch FROM now() - xact_start))::text || ' s', 'no transaction') FROM pg_stat_activity"
            + " WHERE application_name = 'citus_internal gpid=' || ?::text AND state LIKE 'idle in transaction%' ORDER BY pid";

    private OpenTransactions() {
    }

    /** The worker's session holding the transaction of that coordinator backend ("57 idle in transaction for 21 s"), if any. */
    public static Optional<String> heldFor(Endpoint worker, long globalPid) {
        try (Connection c = worker.connect(); PreparedStatement s = c.prepareStatement(OF_GPID)) {
            s.setLong(1, globalPid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the sessions of " + worker + " failed: " + e.getMessage(), e);
        }
    }

    /** What the last look found (the session still holding the transaction, or empty), and when it ended. */
    public record Look(Optional<String> held, Instant at, int looks) {
    }

    /**
     * Looks every 250 ms, in the calling thread, until the worker holds (or, with {@code held} false, no longer holds)
     * the transaction, or the deadline has passed (one look at least). A look that fails is not counted.
     */
    public static Look await(Endpoint worker, long globalPid, boolean held, Instant deadline) {
        AtomicReference<Look> last = new AtomicReference<>();
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            Awaitility.await(worker + (held ? " holding" : " ending") + " the transaction of gpid " + globalPid)
                    .atMost(left.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : left)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> {
                        Optional<String> now = heldFor(worker, globalPid);
                        last.set(new Look(now, Instant.now(), last.get() == null ? 1 : last.get().looks() + 1));
                        return now.isPresent() == held;
                    });
        } catch (ConditionTimeoutException e) {
            // the last look tells
        }
        return last.get() != null ? last.get() : new Look(Optional.of("? (no look answered before the deadline)"), Instant.now(), 0);
    }
}
