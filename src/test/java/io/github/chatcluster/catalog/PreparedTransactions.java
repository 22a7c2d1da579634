package io.github.chatcluster.catalog;

import java.sql.Connection;
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

    /** The transactions the node holds prepared since before its server started: left there by its last stop or kill. */
    public static List<String> preparedBeforeItsStart(Endpoint node) {
        return gids(node, "SELECT gid FROM pg_prepared_xacts WHERE prepared < pg_postmaster_start_time() ORDER BY gid");
    }

    /** Which of these prepared transactions the node still holds. */
    public static List<String> stillHeld(Endpoint node, List<String> gids) {
        return gids(node, "SELECT gid FROM pg_prepared_xacts WHERE gid IN (" + gids.stream().map(g -> "'" + g.replace("'", "''") + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ") ORDER BY gid");
    }

    private static List<String> gids(Endpoint node, String sql) {
        try (Connection c = node.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> gids = new ArrayList<>();
            while (rs.next()) {
                gids.add(rs.getString(1));
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
