package io.github.chatcluster.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import io.github.chatcluster.cluster.Endpoint;


/**
 * The transactions of one client through one entry point: a new connection for each, or one kept connection (a
 * session) opened again when it broke; an optional bound on every statement; and every database error turned into a
 * {@link ChatDatabaseException} that says whether the write can have happened.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Endpoint endpoint;
    private final boolean keepsItsConnection;
    private Connection session;
    private Duration statementBound;

    Transactions(Endpoint endpoint, boolean keepsItsConnection) {
        this.endpoint = endpoint;
        this.keepsItsConnection = keepsItsConnection;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Every statement is cancelled by the database after this long (statement_timeout on each new connection). */
    void boundEachStatementTo(Duration bound) {
        this.statementBound = bound;
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /**
     * One transaction: committed when the work returns, rolled back when it throws. A database error says in which
     * phase it came: before COMMIT was sent the transaction cannot have committed; during COMMIT it may have.
     */
    <T> T run(Work<T> work) {
        Connection c = null;
        boolean committing = false;
        try {
            c = connection();
            c.setAutoCommit(false);
            T result = work.run(c);
            committing = true;
            c.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            drop(c);
            throw new ChatDatabaseException(endpoint, e, committing);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            if (!keepsItsConnection) {
                drop(c);
            }
        }
    }

    private Connection connection() throws SQLException {
        if (!keepsItsConnection) {
            return open();
        }
        if (session == null) {
            session = open();
        }
        return session;
    }

    private Connection open() throws SQLException {
        Connection c = endpoint.connect();
        if (statementBound != null) {
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + statementBound.toMillis());
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (c != null && !c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; it is dropped
        }
    }

    /** Closes the connection; a session opens a new one for its next transaction. */
    private void drop(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken
        }
        if (c == session) {
            session = null;
        }
    }

    /** Ends the session, if any. */
    void close() {
        drop(session);
    }
}
