package io.github.chatcluster.operations;

import java.sql.SQLException;

/** Citus refused an operation, or the connection it ran on was lost: its SQLSTATE and message. */
public final class OperationFailed extends RuntimeException {

    private final String sqlState;

    OperationFailed(String operation, SQLException cause) {
        super(operation + " failed: " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    /** Citus's own message, without the operation's name. */
    public String error() {
        return getCause().getMessage();
    }
}
