package io.github.chatcluster.app;

import java.sql.SQLException;
import io.github.chatcluster.cluster.Endpoint;


/**
 * A database error met by the application, with its SQLSTATE and what it means for a write: {@link
 * WriteOutcome#UNKNOWN} only when the client's own connection was lost, or its coordinator died, while COMMIT was under
 * way; any other error means the transaction was rolled back ({@link WriteOutcome#REFUSED}).
 */
public class ChatDatabaseException extends RuntimeException {
    private final String sqlState;
    private final WriteOutcome outcome;

    ChatDatabaseException(Endpoint endpoint, SQLException e, boolean duringCommit) {
        super("through " + endpoint + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        this.sqlState = e.getSQLState();
        this.outcome = WriteOutcome.of(e, duringCommit);
    }

    public String sqlState() {
        return sqlState;
    }

    public WriteOutcome outcome() {
        return outcome;
    }

    /** A refusal that a new attempt cannot change (a constraint, a read-only node, an unsupported command). */
    public boolean isFinal() {
        return outcome == WriteOutcome.REFUSED && WriteOutcome.isFinalRefusal(sqlState);
    }
}
