package io.github.chatcluster.upgrade;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Text;

/**
 * What each node runs, read from the node itself: the PostgreSQL major version, the citus extension its binaries
 * install ({@code pg_available_extensions.default_version}), the version installed in its database
 * ({@code pg_extension.extversion}), and {@code citus_version()}, which fails while the two differ.
 */
public final class NodeVersions {

    public record Version(String node, int postgresMajor, String binaries, String installed, String citusVersion) {
        /** Whether the node runs the release: its binaries and its installed extension are both that release's. */
        public boolean runs(CitusRelease release) {
            return postgresMajor == release.postgresMajor() && binaries.startsWith(release.citusVersion() + "-")
                    && installed.startsWith(release.citusVersion() + "-");
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%-14s PostgreSQL %d, binaries %s, installed %s, citus_version(): %s",
                    node, postgresMajor, binaries, installed, citusVersion);
        }
    }

    private NodeVersions() {
    }

    /** Every database node's versions, coordinators first. */
    public static Map<String, Version> of(ChatCluster cluster) {
        Map<String, Version> versions = new LinkedHashMap<>();
        for (String node : cluster.databaseNodes()) {
            versions.put(node, of(cluster, node));
        }
        return versions;
    }

    public static Version of(ChatCluster cluster, String node) {
        try (Connection c = cluster.endpoint(node).connect(); Statement s = c.createStatement()) {
            int major;
            String binaries;
            String installed;
            try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000,"
                    + " (SELECT default_version FROM pg_available_extensions WHERE name = 'citus'),"
                    + " (SELECT extversion FROM pg_extension WHERE extname = 'citus')")) {
                rs.next();
                major = rs.getInt(1);
                binaries = rs.getString(2);
                installed = rs.getString(3);
            }
            String citusVersion;
            try (ResultSet rs = s.executeQuery("SELECT citus_version()")) {
                rs.next();
                citusVersion = rs.getString(1).replaceAll(" on .*", "");
            } catch (SQLException e) {
                citusVersion = "fails: " + Text.firstLine(e.getMessage());
            }
            return new Version(node, major, binaries, installed, citusVersion);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the versions of " + node + ": " + e.getMessage(), e);
        }
    }
}
