package io.github.chatcluster.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.waits.BoundedStop;

/**
 * A transaction that stays open for a while through one entry point, as a report or a slow batch job does: it reads a
 * room's messages (its locks: ACCESS SHARE on the table on its coordinator and on the room's shard on both workers),
 * or writes one message to it (ROW EXCLUSIVE), then waits on the server for the rest of its time and rolls back. It
 * runs on a thread of its own; {@link #close()} ends it within a bound, also when the scenario failed.
 */
public final class LongTransaction implements AutoCloseable {

    public enum Kind { READS, WRITES }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "long transaction"));
    private final Future<String> outcome;
    private final Instant began = Instant.now();
    private final Duration length;
    private volatile boolean holdsItsLocks;
    /** Citus's global id of the transaction's backend on its coordinator (its sessions on the workers are named after it). */
    private volatile long globalPid;

    private LongTransaction(Endpoint entry, Kind kind, long room, Duration length) {
        this.length = length;
        this.outcome = thread.submit(() -> hold(entry, kind, room));
    }

    /** Opens the transaction and returns once it holds its locks (at most 10 s). */
    public static LongTransaction open(Endpoint entry, Kind kind, long room, Duration length) {
        LongTransaction t = new LongTransaction(entry, kind, room, length);
        try {
            org.awaitility.Awaitility.await("the long transaction through " + entry + " holds its locks")
                    .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> t.holdsItsLocks || t.outcome.isDone());
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
        if (!t.holdsItsLocks) {
            String why = t.result(Duration.ofSeconds(1));
            t.close();
            throw new IllegalStateException("the long transaction through " + entry + " could not begin: " + why);
        }
        return t;
    }

    private String hold(Endpoint entry, Kind kind, long room) throws SQLException {
        try (Connection c = entry.connect(length.plusSeconds(30))) {
            c.setAutoCommit(false);
            String sql = kind == Kind.READS ? "SELECT count(*) FROM messages WHERE room_id = ?"
                    : "INSERT INTO messages (room_id, client_msg_id, sender_id, body) VALUES (?, gen_random_uuid(), 0, 'long transaction')";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, room);
                ps.execute();
            }
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT citus_backend_gpid()")) {
                globalPid = rs.next() ? rs.getLong(1) : 0;
            }
            holdsItsLocks = true;
            double rest = Math.max(0, length.minus(Duration.between(began, Instant.now())).toMillis() / 1000.0);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_sleep(?)")) {
                ps.setDouble(1, rest);
                ps.execute();
            }
            c.rollback();
            return "ended after " + Duration.between(began, Instant.now()).toMillis() + " ms";
        }
    }

    /**
     * Citus's global process id of the transaction's backend on its coordinator: the coordinator's sessions on the workers
     * for this transaction are named {@code citus_internal gpid=<it>}. 0 if it was not read.
     */
    public long globalPid() {
        return globalPid;
    }

    public Instant began() {
        return began;
    }

    /** When it ends by itself. */
    public Instant endsAt() {
        return began.plus(length);
    }

    /** How it ended ("ended after ... ms", or the error that ended it); waits at most the bound. */
    public String result(Duration bound) {
        try {
            return outcome.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return "ended by an error: " + io.github.chatcluster.cluster.Text.firstLine(String.valueOf(e.getCause().getMessage()));
        } catch (java.util.concurrent.TimeoutException e) {
            return "still open after " + bound.toSeconds() + " s more";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Ends it: waits for its own end (its length and 30 s at most), then stops the thread. */
    @Override
    public void close() {
        Duration left = Duration.between(Instant.now(), endsAt());
        BoundedStop.after(thread, (left.isNegative() ? Duration.ZERO : left).plusSeconds(30), Duration.ofSeconds(5),
                "the long transaction");
    }
}
