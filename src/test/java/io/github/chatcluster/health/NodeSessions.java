package io.github.chatcluster.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Text;

/**
 * One session per node for one pass of the checks (opening a connection costs more than the queries), each with a
 * connect and a socket timeout, all closed at the end of the pass.
 */
final class NodeSessions implements AutoCloseable {

    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration SOCKET = Duration.ofSeconds(20);

    private final ChatCluster cluster;
    private final Map<String, Connection> sessions = new HashMap<>();

    NodeSessions(ChatCluster cluster) {
        this.cluster = cluster;
    }

    ChatCluster cluster() {
        return cluster;
    }

    /** Empty if the node (or the load balancer) answers a query on a new connection, kept for the pass. */
    Optional<String> answers(String node) {
        Connection c = null;
        try {
            c = cluster.endpoint(node).connectOnce(CONNECT, SOCKET);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            if (!ChatCluster.LOAD_BALANCER.equals(node)) {
                close(sessions.put(node, c));
                c = null;
            }
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return Optional.of(node + " does not answer a new connection: " + Text.firstLine(e.getMessage()));
        } finally {
            close(c);
        }
    }

    /** The first column of every row the query returns on the node; throws, naming node and query, when it fails. */
    List<String> strings(String node, String sql) {
        Connection session = sessions.get(node);
        try (Connection own = session == null ? cluster.endpoint(node).connectOnce(CONNECT, SOCKET) : null;
             Statement s = (session != null ? session : own).createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(node + " did not answer " + Text.firstLine(sql) + ": " + Text.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(NodeSessions::close);
        sessions.clear();
    }

    private static void close(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // a broken session; the pass is over anyway
        }
    }
}
