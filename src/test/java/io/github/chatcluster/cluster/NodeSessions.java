package io.github.chatcluster.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suite's own session on each node of a cluster, kept from one use to the next: opening a connection costs about
 * 50 ms here (a backend, Citus's start-up, TLS), a query on an open session about 1 ms. The check before every
 * scenario, the look for what operations left behind and the background jobs read the cluster through it. A session
 * that broke since its last use (its node was restarted, killed, disconnected) fails at its next use with a
 * connection error: it is then replaced by a new connection and the use tried once more; one session serves one
 * caller at a time. The sessions are idle
 * between uses (they hold no lock and no transaction; the look for leftovers turns Citus's shard hiding off on them,
 * which no other user minds) and are aborted when their cluster is removed ({@link #release}).
 */
public final class NodeSessions {

    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration SOCKET = Duration.ofSeconds(20);
    private static final int VALID_SECONDS = 3;
    private static final Map<ChatCluster, NodeSessions> POOLS = new IdentityHashMap<>();

    private final ChatCluster cluster;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Set when the cluster was removed: no session is opened any more. */
    private volatile boolean released;

    /** One node's session: its lock serves one caller at a time, and {@code connection} is null until opened. */
    private static final class Session {
        volatile Connection connection;
    }

    private NodeSessions(ChatCluster cluster) {
        this.cluster = cluster;
    }

    /** The sessions of this cluster, opened as they are first used. */
    public static NodeSessions of(ChatCluster cluster) {
        synchronized (POOLS) {
            return POOLS.computeIfAbsent(cluster, NodeSessions::new);
        }
    }

    /** Closes the cluster's sessions (when the cluster is removed); a later {@link #of} opens new ones. */
    public static void release(ChatCluster cluster) {
        NodeSessions pool;
        synchronized (POOLS) {
            pool = POOLS.remove(cluster);
        }
        if (pool != null) {
            pool.closeAll();
        }
    }

    public ChatCluster cluster() {
        return cluster;
    }

    /**
     * Empty if the node answers: on its session when that is still sound, else on a new connection (kept as its
     * session). The load balancer is asked on a new connection every time (it keeps none of its own).
     */
    public Optional<String> answers(String node) {
        if (ChatCluster.LOAD_BALANCER.equals(node)) {
            try (Connection c = cluster.endpoint(node).connectOnce(CONNECT, SOCKET); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return Optional.empty();
            } catch (SQLException | RuntimeException e) {
                return Optional.of(node + " does not answer a new connection: " + Text.firstLine(e.getMessage()));
            }
        }
        Session session = session(node);
        synchronized (session) {
            try {
                if (session.connection != null && session.connection.isValid(VALID_SECONDS)) {
                    return Optional.empty();
                }
                close(session);
                session.connection = cluster.endpoint(node).connectOnce(CONNECT, SOCKET);
                try (Statement s = session.connection.createStatement()) {
                    s.execute("SELECT 1");
                }
                return Optional.empty();
            } catch (SQLException | RuntimeException e) {
                close(session);
                return Optional.of(node + " does not answer a new connection: " + Text.firstLine(e.getMessage()));
            }
        }
    }

    /** The first column of every row the query returns on the node; throws, naming node and query, when it fails. */
    public List<String> strings(String node, String sql) {
        return rows(node, sql).stream().map(row -> row.get(0)).toList();
    }

    /** Every row the query returns on the node, each column as text; throws, naming node and query, when it fails. */
    public List<List<String>> rows(String node, String sql) {
        return onSession(node, sql, "did not answer", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    /** Runs statements that return no rows on the node (the suite's are safe to run twice); throws, naming node and statement, when one fails. */
    public void execute(String node, String sql) {
        onSession(node, sql, "refused", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Use<T> {
        T on(Connection c) throws SQLException;
    }

    /**
     * Runs the use on the node's session, one caller at a time. A session that broke since its last use (the driver
     * learns of a dead socket only when it next reads or writes) fails with a connection error: it is then replaced
     * by a new connection and the use tried once more there (the suite's reads and its few writes are safe to repeat).
     */
    private <T> T onSession(String node, String sql, String failed, Use<T> use) {
        Session session = session(node);
        synchronized (session) {
            boolean wasOpen = session.connection != null;
            try {
                open(node, session);
                return use.on(session.connection);
            } catch (SQLException e) {
                boolean broken = forgetIfBroken(session, e);
                if (broken && wasOpen) {
                    try {
                        open(node, session);
                        return use.on(session.connection);
                    } catch (SQLException again) {
                        forgetIfBroken(session, again);
                        throw new IllegalStateException(node + " " + failed + " " + Text.firstLine(sql) + " (on a new connection"
                                + " too): " + Text.firstLine(again.getMessage()), again);
                    }
                }
                throw new IllegalStateException(node + " " + failed + " " + Text.firstLine(sql) + ": " + Text.firstLine(e.getMessage()), e);
            }
        }
    }

    /**
     * Makes every open session hand its activity statistics to the server now (PostgreSQL 15 and later keep a session's
     * counters, such as the scans of a table, until it is idle for a while; a closed session hands them over as it ends).
     * Without it, the scans the check made turn up in the counters seconds later, in the middle of a scenario that
     * counts scans. Ignored where the server has no such function.
     */
    public void flushStatistics() {
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            Session session = e.getValue();
            synchronized (session) {
                if (session.connection == null) {
                    continue;
                }
                try (Statement s = session.connection.createStatement()) {
                    s.execute("SELECT pg_stat_force_next_flush()");
                } catch (SQLException ignored) {
                    forgetIfBroken(session, ignored);
                }
            }
        }
    }

    private Session session(String node) {
        if (released) {
            throw new IllegalStateException("the suite's sessions on " + node + " were closed: its cluster was removed");
        }
        return sessions.computeIfAbsent(node, n -> new Session());
    }

    /** Opens the session when it has none (a broken one was forgotten by {@link #forgetIfBroken}). */
    private void open(String node, Session session) throws SQLException {
        if (session.connection == null || session.connection.isClosed()) {
            session.connection = cluster.endpoint(node).connectOnce(CONNECT, SOCKET);
        }
    }

    /**
     * A session whose connection failed (class 08, or the server ended it: 57P0x) is replaced at its next use; true
     * then. So is a coordinator's session that kept a connection to another node which has broken since (a worker
     * killed and started again): Citus uses such a kept connection without looking at it first, and refuses with
     * "failure on connection marked as essential" (XX000) every statement that needs it (run R25, 6 Dec 2026: the
     * drop of a column a scenario had added). A new session opens new connections.
     */
    private static boolean forgetIfBroken(Session session, SQLException e) {
        boolean broken = brokeTheSession(e);
        try {
            broken = broken || session.connection == null || session.connection.isClosed();
        } catch (SQLException ignored) {
            broken = true;
        }
        if (broken) {
            close(session);
        } else if (session.connection != null) {
            try {
                if (!session.connection.getAutoCommit()) {
                    session.connection.rollback();
                }
            } catch (SQLException ignored) {
                close(session);
                broken = true;
            }
        }
        return broken;
    }

    /** Whether the error says the session is no use any more (see {@link #forgetIfBroken}). */
    static boolean brokeTheSession(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P")
                || "XX000".equals(state) && String.valueOf(e.getMessage()).contains("failure on connection marked as essential");
    }

    /** Aborts every session at once, without waiting for a caller that is using one (its node may be gone already). */
    private void closeAll() {
        released = true;
        sessions.values().forEach(session -> {
            Connection c = session.connection;
            if (c != null) {
                try {
                    c.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // broken already
                }
            }
        });
        sessions.clear();
    }

    private static void close(Session session) {
        if (session.connection == null) {
            return;
        }
        try {
            session.connection.close();
        } catch (SQLException ignored) {
            // a broken session: it is replaced anyway
        } finally {
            session.connection = null;
        }
    }
}
