package io.github.chatcluster.app;

import io.github.chatcluster.waits.BoundedStop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.cluster.Endpoint;


/**
 * A client that keeps its connection open between writes, as a connection pool does, and bounds each
 * write with a statement timeout of its own (the driver cancels the statement when it runs out).
 */
public final class PooledClient implements AutoCloseable {

    /** What became of one query or write: done, refused with an error, or cancelled by the client's timeout. */
    public record Outcome(boolean committed, String sqlState, String error, Duration took, Instant ended) {

        public boolean cancelledByTheClient() {
            return "57014".equals(sqlState);
        }

        @Override
        public String toString() {
            return (committed ? "committed" : cancelledByTheClient() ? "no answer, cancelled by the client"
                    : "refused: " + error) + String.format(java.util.Locale.ROOT, " after %.1f s", took.toMillis() / 1000.0);
        }
    }

    private final Endpoint entry;
    private final Connection connection;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    private PooledClient(Endpoint entry, Connection connection) {
        this.entry = entry;
        this.connection = connection;
    }

    public static PooledClient open(Endpoint entry) throws SQLException {
        return new PooledClient(entry, entry.connect());
    }

    /** A client whose driver gives up on a query that gets no answer for the socket timeout. */
    public static PooledClient open(Endpoint entry, Duration socketTimeout) throws SQLException {
        return new PooledClient(entry, entry.connectOnce(Duration.ofSeconds(5), socketTimeout));
    }

    /**
     * Reads every room, member and message on the session's connection: a query over every shard, so that the
     * coordinator keeps a connection to every worker for this session (Citus caches them between queries).
     */
    public Outcome readEverything() {
        return timed(() -> {
            try (var statement = connection.createStatement()) {
                for (String table : ChatTables.NAMES) {
                    statement.executeQuery("SELECT count(*) FROM " + table).close();
                }
            }
        });
    }

    /** Reads back every write the log holds on this session's connection; the outcome says how long it took. */
    public Outcome readAcknowledged(AckLog acks) {
        return timed(() -> {
            ReadBack readBack = acks.readBackOn(connection, "a pooled session on " + entry);
            if (!readBack.complete()) {
                throw new IllegalStateException(readBack.problems());
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private Outcome timed(Work work) {
        Instant start = Instant.now();
        try {
            work.run();
            return new Outcome(true, null, null, Duration.between(start, Instant.now()), Instant.now());
        } catch (SQLException e) {
            return new Outcome(false, e.getSQLState(), e.getMessage(), Duration.between(start, Instant.now()), Instant.now());
        }
    }

    /** Creates a new room in its own transaction, waiting at most the timeout for the answer. */
    public Outcome createRoom(Duration timeout) {
        Instant start = Instant.now();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO rooms (id, name) VALUES (?, ?)")) {
            ps.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            ps.setLong(1, ChatWriter.newRoomId());
            ps.setString(2, "pooled client");
            ps.executeUpdate();
            return new Outcome(true, null, null, Duration.between(start, Instant.now()), Instant.now());
        } catch (SQLException e) {
            return new Outcome(false, e.getSQLState(), e.getMessage(), Duration.between(start, Instant.now()), Instant.now());
        }
    }

    /**
     * A new message on this session, in autocommit: the INSERT is its own COMMIT, so a lost connection leaves its
     * outcome unknown, and a server's error on a working connection is a refusal ({@link WriteOutcome}).
     */
    WriteAttempt attemptMessage(long roomId, long senderId, java.util.UUID clientId) {
        Instant start = Instant.now();
        try {
            connection.setAutoCommit(true);
            ChatApplication.insertMessage(connection, roomId, clientId, senderId, "pooled session");
            Instant end = Instant.now();
            return new WriteAttempt(WriteAttempt.Kind.MESSAGE, entry, roomId, clientId, true, null, null, null, Duration.between(start, end), end);
        } catch (SQLException e) {
            Instant end = Instant.now();
            return new WriteAttempt(WriteAttempt.Kind.MESSAGE, entry, roomId, clientId, false, e.getSQLState(), WriteOutcome.of(e, true),
                    e.getMessage(), Duration.between(start, end), end);
        }
    }

    /** {@link #readEverything()} on the client's own thread: the caller goes on, and looks at the outcome later. */
    public CompletableFuture<Outcome> readEverythingInTheBackground() {
        return CompletableFuture.supplyAsync(this::readEverything, background);
    }

    /**
     * Starts {@link #createRoom} in the background and returns at once; {@link #close()} aborts a write that
     * is still waiting.
     */
    public CompletableFuture<Outcome> createRoomInTheBackground(Duration timeout) {
        return CompletableFuture.supplyAsync(() -> createRoom(timeout), background);
    }

    public Endpoint entry() {
        return entry;
    }

    /** Drops the connection at once, even while a write still waits for its answer. */
    @Override
    public void close() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException ignored) {
            // the connection broke; nothing to close
        } finally {
            BoundedStop.now(background, java.time.Duration.ofSeconds(10), "a pooled client on " + entry + " (its connection aborted)");
        }
    }
}
