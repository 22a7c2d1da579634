package io.github.chatcluster.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.waits.BoundedStop;

/**
 * An operator who changes the schema through one entry point: each statement on a session of its own, timed from the
 * call to its answer, and given back as a {@link SchemaChange}, refused or not (a refusal is a finding, not an error
 * of the suite). A statement may run while the caller goes on ({@link #start}), for a change that a fault interrupts.
 */
public final class SchemaOperator {

    /** How long one schema change may run before the operator gives up on its answer. */
    public static final Duration CHANGE_BOUND = Duration.ofMinutes(2);

    private final Endpoint entry;
    private final Optional<LockTimeout> lockTimeout;

    private SchemaOperator(Endpoint entry, Optional<LockTimeout> lockTimeout) {
        this.entry = entry;
        this.lockTimeout = lockTimeout;
    }

    public static SchemaOperator through(Endpoint entry) {
        return new SchemaOperator(entry, Optional.empty());
    }

    /** The same operator, with {@code lock_timeout} set as given before each change. */
    public SchemaOperator withLockTimeout(LockTimeout timeout) {
        return new SchemaOperator(entry, Optional.of(timeout));
    }

    /** Runs the statement and returns how it went; the time counts from the call to the answer, not the connection. */
    public SchemaChange run(String statement) {
        return run(statement, new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** {@link #run(String)}, keeping the statement where a caller on another thread can cancel it. */
    private SchemaChange run(String statement, java.util.concurrent.atomic.AtomicReference<Statement> running) {
        try (Connection c = entry.connect(CHANGE_BOUND)) {
            return runOn(c, statement, running);
        } catch (SQLException e) {
            Instant now = Instant.now();
            return new SchemaChange(statement, entry.name(), now, now, e.getSQLState(), "no session: " + Text.firstLine(e.getMessage()));
        }
    }

    private SchemaChange runOn(Connection c, String statement, java.util.concurrent.atomic.AtomicReference<Statement> running)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            running.set(s);
            boolean inTransaction = lockTimeout.filter(t -> t.scope() == LockTimeout.Scope.EVERY_NODE).isPresent();
            if (inTransaction) {
                c.setAutoCommit(false);
                s.execute("SET LOCAL citus.propagate_set_commands = 'local'");
                s.execute("SET LOCAL " + lockTimeout.get().setting());
            } else if (lockTimeout.isPresent()) {
                s.execute("SET " + lockTimeout.get().setting());
            }
            Instant began = Instant.now();
            try {
                s.execute(statement);
                if (inTransaction) {
                    c.commit();
                }
                return new SchemaChange(statement, entry.name(), began, Instant.now(), null, null);
            } catch (SQLException e) {
                Instant ended = Instant.now();
                if (inTransaction) {
                    rollbackQuietly(c);
                }
                return new SchemaChange(statement, entry.name(), began, ended,
                        e.getSQLState() == null ? "(none)" : e.getSQLState(), Text.firstLine(e.getMessage()));
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the session is closed next; a broken one has no transaction left to roll back
        }
    }

    /** Starts the statement on a thread of its own and returns at once. */
    public Running start(String statement) {
        return new Running(this, statement);
    }

    /** A change that runs while the caller goes on. */
    public static final class Running implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "schema change"));
        private final Future<SchemaChange> outcome;
        private final String statement;
        private final java.util.concurrent.atomic.AtomicReference<Statement> running = new java.util.concurrent.atomic.AtomicReference<>();

        private Running(SchemaOperator operator, String statement) {
            this.statement = statement;
            this.outcome = thread.submit(() -> operator.run(statement, running));
        }

        public boolean isDone() {
            return outcome.isDone();
        }

        /** Waits at most the bound for the change's answer. */
        public SchemaChange await(Duration bound) {
            try {
                return io.github.chatcluster.waits.BoundedGet.of(outcome, bound, "the schema change \"" + statement + "\"");
            } finally {
                close();
            }
        }

        /** Ends the change: cancelled on the server if it still runs (JDBC does not answer an interrupt), its thread stopped. */
        @Override
        public void close() {
            Statement s = running.get();
            if (!outcome.isDone() && s != null) {
                try {
                    s.cancel();
                } catch (SQLException ignored) {
                    // the session is gone already: nothing left to cancel
                }
            }
            BoundedStop.after(thread, Duration.ofSeconds(5), Duration.ofSeconds(5), "the schema change " + statement);
        }
    }
}
