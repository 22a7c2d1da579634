package io.github.chatcluster.app.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.chatcluster.cluster.Text;

/**
 * What warming an application's sessions did: the rounds it took, the writes acknowledged, the failures of each round
 * by kind, and how long it took.
 * <p>
 * Every session writes one message to each room, a few sessions at a time, so that before the bursts each holds what a
 * write needs: its coordinator's connections to the workers, and coordinator-1's to coordinator-2, the first worker,
 * where every write to a table with two copies of each shard takes a lock. Citus keeps one such connection per node
 * for each session. A session whose write failed is dropped by the pool (Hikari drops a session on SQLSTATE class 08)
 * and replaced by a cold one, so a round with a failure is followed by another, at most {@link #ROUNDS}.
 */
public record WarmUp(String application, int sessions, int rooms, int rounds, int acknowledged,
                     List<Map<String, Integer>> failuresByRound, Duration took) {

    /** The most rounds a warm-up takes. */
    static final int ROUNDS = 3;

    /** Whether the last round had no failure: every session the pool holds is warm. */
    public boolean clean() {
        return !failuresByRound.isEmpty() && failuresByRound.get(failuresByRound.size() - 1).isEmpty();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %d sessions each wrote to each of %d rooms, %d writes acknowledged,"
                + " in %d round(s) (failures by round: %s), %.1f s", application, sessions, rooms, acknowledged, rounds,
                failuresByRound, took.toMillis() / 1000.0);
    }

    /** What one session's writes came to: how many were acknowledged, and what failed (null when none). */
    private record Session(int written, String failure) {
    }

    /**
     * The session's outcome, waited for at most 90 s (each statement is bounded by the session's 30 s socket timeout);
     * past that its task is cancelled and its session taken out of the pool, so that no other thread is handed it.
     */
    private static Session await(Future<Session> f, Connection c, PooledApplication app) {
        try {
            return f.get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            app.evict(c);
            return new Session(0, "no outcome (interrupted)");
        } catch (ExecutionException | TimeoutException e) {
            f.cancel(true);
            app.evict(c);
            return new Session(0, "no outcome (" + e.getClass().getSimpleName() + ")");
        }
    }

    static WarmUp run(PooledApplication app, int atOnce) {
        Instant start = Instant.now();
        List<Map<String, Integer>> failuresByRound = new ArrayList<>();
        int acknowledged = 0;
        while (failuresByRound.size() < ROUNDS && (failuresByRound.isEmpty() || !failuresByRound.get(failuresByRound.size() - 1).isEmpty())) {
            Map<String, Integer> failures = new TreeMap<>();
            List<Connection> held = List.of();
            try {
                held = app.borrowAll();
                for (int from = 0; from < held.size(); from += atOnce) {
                    List<Connection> group = held.subList(from, Math.min(from + atOnce, held.size()));
                    List<Future<Session>> running = new ArrayList<>();
                    for (Connection c : group) {
                        running.add(app.threads().submit(() -> {
                            int written = 0;
                            for (long room : app.rooms()) {
                                String what = PoolWrite.write(c, app.acks(), app.name(), room, "warm-up");
                                if (what != null) {
                                    return new Session(written, what);
                                }
                                written++;
                            }
                            return new Session(written, null);
                        }));
                    }
                    for (int k = 0; k < running.size(); k++) {
                        Session done = await(running.get(k), group.get(k), app);
                        acknowledged += done.written();
                        if (done.failure() != null) {
                            failures.merge(done.failure(), 1, Integer::sum);
                        }
                    }
                }
            } catch (SQLException e) {
                failures.merge("borrow " + (e.getSQLState() == null ? Text.firstLine(e.getMessage()) : e.getSQLState()), 1, Integer::sum);
            } finally {
                held.forEach(PoolWrite::giveBack);
            }
            failuresByRound.add(failures);
        }
        return new WarmUp(app.name(), app.size(), app.rooms().size(), failuresByRound.size(), acknowledged, failuresByRound,
                Duration.between(start, Instant.now()));
    }
}
