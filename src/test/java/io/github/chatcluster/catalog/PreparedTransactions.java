package io.github.chatcluster.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;

/**
 * The prepared (two-phase) transactions the nodes hold: a write whose COMMIT PREPARED did not reach a worker stays
 * prepared there, its rows invisible to every read served by that worker, until the coordinator that wrote it runs
 * its two-phase-commit recovery. Only reads.
 */
public final class PreparedTransactions {

    private PreparedTransactions() {
    }

    /**
     * The transactions the node holds prepared since before its server started: left there by its last stop or kill.
     * (PostgreSQL keeps a prepared transaction's time across a restart; a backend's crash alone restarts no server.)
     */
    public static List<String> preparedBeforeItsStart(Endpoint node) {
        return gids(node, "SELECT gid FROM pg_prepared_xacts WHERE prepared < pg_postmaster_start_time() ORDER BY gid", null);
    }

    /** Which of these prepared transactions the node still holds. */
    public static List<String> stillHeld(Endpoint node, List<String> gids) {
        if (gids.isEmpty()) {
            return List.of();
        }
        return gids(node, "SELECT gid FROM pg_prepared_xacts WHERE gid = ANY (?) ORDER BY gid", gids);
    }

    /** What became of some prepared transactions by a deadline: those still held at the last look, and when it was. */
    public record Wait(List<String> stillHeld, java.time.Instant lastLook) {
        public boolean finished() {
            return stillHeld.isEmpty();
        }
    }

    /**
     * Looks every 250 ms, in the calling thread, until the node holds none of these prepared transactions or the
     * deadline has passed (one look at least); only reads.
     */
    public static Wait awaitFinished(Endpoint node, List<String> gids, java.time.Instant deadline) {
        java.util.concurrent.atomic.AtomicReference<Wait> last = new java.util.concurrent.atomic.AtomicReference<>();
        java.time.Duration left = java.time.Duration.between(java.time.Instant.now(), deadline);
        try {
            org.awaitility.Awaitility.await(node + " finishing " + gids.size() + " prepared transaction(s)")
                    .atMost(left.compareTo(java.time.Duration.ofMillis(500)) < 0 ? java.time.Duration.ofMillis(500) : left)
                    .pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(250)).pollInSameThread()
                    .until(() -> {
                        last.set(new Wait(stillHeld(node, gids), java.time.Instant.now()));
                        return last.get().finished();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the last look tells: still held, or finished on a look that ended after the bound
        }
        return last.get() != null ? last.get() : new Wait(gids, java.time.Instant.now());
    }

    private static List<String> gids(Endpoint node, String sql, List<String> among) {
        try (Connection c = node.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            if (among != null) {
                s.setArray(1, c.createArrayOf("text", among.toArray()));
            }
            List<String> gids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    gids.add(rs.getString(1));
                }
            }
            return gids;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the prepared transactions of " + node + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * For each node, its prepared transactions (gid and age), or why it could not be read; nodes that hold none are
     * left out.
     */
    public static Map<String, String> onEachNode(ChatCluster cluster) {
        Map<String, String> held = new LinkedHashMap<>();
        for (String node : cluster.databaseNodes()) {
            try (Connection c = cluster.endpoint(node).connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT gid || ' (prepared ' || round(extract(epoch FROM now() - prepared)::numeric, 1)"
                         + " || ' s ago)' FROM pg_prepared_xacts ORDER BY prepared")) {
                List<String> gids = new ArrayList<>();
                while (rs.next()) {
                    gids.add(rs.getString(1));
                }
                if (!gids.isEmpty()) {
                    held.put(node, gids.size() + ": " + String.join(", ", gids.subList(0, Math.min(3, gids.size())))
                            + (gids.size() > 3 ? ", ..." : ""));
                }
            } catch (SQLException | RuntimeException e) {
                held.put(node, "could not be read (" + e.getMessage() + ")");
            }
        }
        return held;
    }

    /** One line: which nodes hold prepared transactions, or that none does. */
    public static String describe(ChatCluster cluster) {
        Map<String, String> held = onEachNode(cluster);
        return held.isEmpty() ? "no node holds a prepared transaction" : "prepared transactions held: " + held;
    }
}
