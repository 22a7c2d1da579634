package io.github.chatcluster.isolation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.github.chatcluster.cluster.Endpoint;

/**
 * A client of the list-append workload: its name (the history's process), its entry point, its isolation level, and
 * whether it is weakened on purpose. A weakened client commits after each micro-operation, yet records the transaction
 * as one, which is what a control needs (the checker must find the anomalies that produces).
 */
public record ListAppendClient(String name, Endpoint entry, Isolation level, boolean commitsEachOperation) {

    /** Every statement of a client is bounded by this (statement_timeout). */
    static final Duration STATEMENT_BOUND = Duration.ofSeconds(5);

    /** A client at the level, named by its entry point and level ("coordinator-1 at read committed"). */
    public static ListAppendClient at(Endpoint entry, Isolation level) {
        return new ListAppendClient(entry.name() + " at " + level, entry, level, false);
    }

    /** The n-th of several such clients ("coordinator-1 at repeatable read (2)"). */
    public static ListAppendClient at(Endpoint entry, Isolation level, int n) {
        return new ListAppendClient(entry.name() + " at " + level + " (" + n + ")", entry, level, false);
    }

    /** A client at repeatable read that commits after each micro-operation (a control). */
    public static ListAppendClient weakened(Endpoint entry) {
        return new ListAppendClient("weakened through " + entry.name(), entry, Isolation.REPEATABLE_READ, true);
    }

    /** The reader of the final reads through the entry point. */
    static ListAppendClient finalReader(Endpoint entry) {
        return new ListAppendClient(JepsenHistory.FINAL_PROCESS + " through " + entry.name(), entry, Isolation.READ_COMMITTED, false);
    }

    /** A new connection: statements bounded, no autocommit, at the client's level. */
    Connection open() throws SQLException {
        Connection c = entry.connect();
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + STATEMENT_BOUND.toMillis());
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(level.jdbc());
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
