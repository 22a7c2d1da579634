package io.github.chatcluster.schema;

import java.time.Duration;

/**
 * How an operator sets {@code lock_timeout} before a schema change: in the session, as for PostgreSQL alone, or with
 * {@code SET LOCAL} in a transaction with {@code citus.propagate_set_commands = 'local'}, which Citus sends on to the
 * session it opens on every other node.
 */
public record LockTimeout(Duration timeout, Scope scope) {

    public enum Scope {
        /** {@code SET lock_timeout}: the operator's session on the coordinator only. */
        SESSION,
        /** {@code BEGIN; SET LOCAL citus.propagate_set_commands = 'local'; SET LOCAL lock_timeout; ...; COMMIT}. */
        EVERY_NODE
    }

    public LockTimeout {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a lock_timeout is positive, not " + timeout);
        }
    }

    String setting() {
        return "lock_timeout = '" + timeout.toMillis() + "ms'";
    }
}
