package io.github.chatcluster.app;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a failed write means for the data, decided from the phase the error came in and from who reported it.
 *
 * <ul>
 * <li>{@link #REFUSED}: the write did not happen. Every error before COMMIT was sent is one (the transaction cannot
 * have committed), and so is every error the database reports on a connection that still works, COMMIT included
 * (the coordinator decided and rolled back: a constraint, a read-only node, a remote write that failed).</li>
 * <li>{@link #UNKNOWN}: the client's own connection was lost while COMMIT was under way (the driver's I/O error, or
 * the server ending the session with 57P01/57P02), or the coordinator's postmaster died while COMMIT waited on the
 * workers. The commit may or may not have happened. Citus reports that death as an ERROR on the connection
 * ("postmaster was shut down, exiting", XX000) from its wait for the workers' answers, also from the wait for their
 * COMMIT PREPARED after the coordinator has committed ({@code WaitForAllConnections}, {@code remote_commands.c}):
 * then the transaction has committed, and the coordinator's recovery finishes it on the workers once it is back.
 * (An isolation history of 6 Dec 2026 counted two such transactions as failed, and their appends were read.)</li>
 * </ul>
 *
 * A remote failure that Citus reports (for example "connection to the remote node worker-3 failed", SQLSTATE 08006)
 * comes as an error message of the server on a working connection: a refusal, not an unknown outcome.
 */
public enum WriteOutcome {
    REFUSED,
    UNKNOWN;

    /** SQLSTATEs of refusals that another attempt of the same write cannot change. */
    private static final Set<String> FINAL_CLASSES = Set.of("22", "23", "42", "44");
    private static final Set<String> FINAL_STATES = Set.of("25006", "0A000", "P0001");

    static WriteOutcome of(SQLException e, boolean duringCommit) {
        return duringCommit && unknownAtCommit(e) ? UNKNOWN : REFUSED;
    }

    /** Whether an error at COMMIT leaves the outcome unknown: see {@link #UNKNOWN}. */
    public static boolean unknownAtCommit(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null ? server.getMessage() : e.getMessage();
        return connectionLost(e) || "XX000".equals(e.getSQLState()) && message != null && message.startsWith("postmaster was shut down");
    }

    /** The client's own connection broke (not a remote failure reported by the server on a working connection). */
    public static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
            return true;
        }
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null) {
            return "FATAL".equals(server.getSeverity()) || "PANIC".equals(server.getSeverity());
        }
        return (state != null && state.startsWith("08")) || e.getCause() instanceof IOException;
    }

    /** A refusal that a retry cannot turn into a success: a constraint, bad data, a read-only node, "not supported". */
    static boolean isFinalRefusal(String sqlState) {
        return sqlState != null && (FINAL_STATES.contains(sqlState) || FINAL_CLASSES.contains(sqlState.substring(0, 2)));
    }
}
