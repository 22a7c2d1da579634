package io.github.chatcluster.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.cluster.Endpoint;

/**
 * A number of new clients connecting through one entry point at the same time, each with its own login
 * timeout (as an application's pool would set it): where each one landed, or how it failed and after how long.
 */
public final class NewClients {

    /** One client's outcome: the coordinator it landed on, or the error it got. */
    public record Outcome(String landedOn, String error, Duration took) {
        public boolean timedOut() {
            return error != null;
        }

        @Override
        public String toString() {
            return (landedOn != null ? landedOn : "no answer (" + error + ")")
                    + String.format(" after %.1f s", took.toMillis() / 1000.0);
        }
    }

    private final List<Outcome> outcomes;

    private NewClients(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public int count() {
        return outcomes.size();
    }

    /** How many clients got no answer within their login timeout. */
    public long unanswered() {
        return outcomes.stream().filter(Outcome::timedOut).count();
    }

    /** The coordinators the answered clients landed on, one entry per client. */
    public List<String> landedOn() {
        return outcomes.stream().filter(o -> !o.timedOut()).map(Outcome::landedOn).toList();
    }

    @Override
    public String toString() {
        return outcomes.toString();
    }

    public static NewClients connect(Endpoint entry, int count, Duration loginTimeout) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> connectOne(entry, loginTimeout)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return new NewClients(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome connectOne(Endpoint entry, Duration loginTimeout) {
        Instant start = Instant.now();
        try (Connection c = entry.connectOnce(loginTimeout, loginTimeout)) {
            return new Outcome(CitusCatalog.localNodeName(c), null, Duration.between(start, Instant.now()));
        } catch (SQLException e) {
            return new Outcome(null, e.getSQLState() + " " + e.getMessage(), Duration.between(start, Instant.now()));
        }
    }
}
