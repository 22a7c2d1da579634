package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.waits.ProgressWait;

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

    /**
     * Looks every 250 ms, in the calling thread ({@link ProgressWait}), until the worker holds (or, with {@code held}
     * false, no longer holds) the transaction, or the bound has passed; the outcome's last look says which.
     */
    public static ProgressWait.Outcome<Optional<String>> await(Endpoint worker, long globalPid, boolean held, Duration bound) {
        return ProgressWait.await(worker + (held ? " holding" : " ending") + " the transaction of gpid " + globalPid,
                () -> heldFor(worker, globalPid), now -> now.isPresent() == held, now -> now, bound, bound);
    }
}
