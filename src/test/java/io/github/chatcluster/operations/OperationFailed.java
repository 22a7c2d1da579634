package io.github.chatcluster.operations;

import java.sql.SQLException;

import io.github.chatcluster.cluster.Endpoint;

/** Citus refused an operation, or the session it ran on was lost: the coordinator, the call, the SQLSTATE and Citus's message. */
public final class OperationFailed extends RuntimeException {

    private final String node;
    private final String call;
    private final String sqlState;

    OperationFailed(Endpoint coordinator, String call, SQLException cause) {
        super("On " + coordinator + ": " + call + " failed: " + cause.getMessage(), cause);
        this.node = coordinator.name();
        this.call = call;
        this.sqlState = cause.getSQLState();
    }

    /** The coordinator the call went to. */
    public String node() {
        return node;
    }

    /** The SQL of the call. */
    public String call() {
        return call;
    }

    public String sqlState() {
        return sqlState;
    }

    /** Citus's own message, without the operation's name. */
    public String error() {
        return getCause().getMessage();
    }
}
