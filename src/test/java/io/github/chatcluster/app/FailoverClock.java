package io.github.chatcluster.app;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.github.chatcluster.cluster.Endpoint;


/** Measures how long clients of an entry point are without service after a fault. */
public final class FailoverClock {

    /** How long we are willing to watch before calling the entry point dead. */
    public static final Duration OBSERVE_AT_MOST = Duration.ofSeconds(60);

    public record Outage(Duration duration, int failedAttempts, String lastError) {
        public double seconds() {
            return duration.toMillis() / 1000.0;
        }
    }

    private FailoverClock() {
    }

    /** From the fault until a new connection through the entry point commits a new room (one attempt per poll). */
    public static Outage untilWriteSucceeds(Endpoint entry, Instant fault) {
        // a new room id for every attempt: an attempt whose answer was lost may have committed its room
        return until(entry, fault, () -> "INSERT INTO rooms (id, name) VALUES (" + ChatWriter.newRoomId() + ", 'failover probe')");
    }

    /** From the fault until a new connection through the entry point answers a distributed read. */
    public static Outage untilReadSucceeds(Endpoint entry, Instant fault) {
        return until(entry, fault, () -> "SELECT count(*) FROM rooms");
    }

    /** Several clients after one fault: when the first and when the last of them wrote again, and their failed attempts. */
    public record Recovery(Duration first, Duration every, int failedAttempts, String lastError) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "first client wrote again after %.2f s, every client after %.2f s, %d failed attempts%s",
                    first.toMillis() / 1000.0, every.toMillis() / 1000.0, failedAttempts, failedAttempts == 0 ? "" : " (last: " + lastError + ")");
        }
    }

    /**
     * The given number of clients, each on its own thread, each writing through the entry point (a new connection per
     * attempt) until one write commits; every duration counts from the fault, whose instant was taken before it was
     * injected.
     */
    public static Recovery untilEveryClientWrites(Endpoint entry, Instant fault, int clients) {
        List<java.util.concurrent.Callable<Outage>> writers = new java.util.ArrayList<>();
        for (int i = 0; i < clients; i++) {
            writers.add(() -> untilWriteSucceeds(entry, fault));
        }
        List<Outage> outages = Clients.atOnce(writers,
                "a client did not write again within " + OBSERVE_AT_MOST.toSeconds() + " s of the fault");
        Duration first = outages.stream().map(Outage::duration).min(Duration::compareTo).orElseThrow();
        Duration every = outages.stream().map(Outage::duration).max(Duration::compareTo).orElseThrow();
        int failed = outages.stream().mapToInt(Outage::failedAttempts).sum();
        String last = outages.stream().filter(o -> o.failedAttempts() > 0).map(Outage::lastError).reduce((a, b) -> b).orElse("none");
        return new Recovery(first, every, failed, last);
    }

    /**
     * SQLSTATEs of a service that is not there (yet): connection failures (class 08, which Citus also gives when
     * a node it needs is unreachable), a server shutting down or starting (57P01 to 57P03), or no SQLSTATE at all (an
     * I/O error in the driver). Any other error is not an outage, and ends the measurement at once.
     */
    static boolean isOutage(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    private static Outage until(Endpoint entry, Instant fault, java.util.function.Supplier<String> sql) {
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> lastError = new AtomicReference<>("none");
        await("'" + sql.get() + "' through " + entry).atMost(OBSERVE_AT_MOST).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).pollInSameThread().until(() -> {
                    try (Connection c = entry.connectOnce(Duration.ofSeconds(5), Duration.ofSeconds(30));
                         Statement s = c.createStatement()) {
                        s.execute(sql.get());
                        return true;
                    } catch (SQLException e) {
                        if (!isOutage(e)) {
                            throw new IllegalStateException("through " + entry + ", an error that is not an outage (SQLSTATE "
                                    + e.getSQLState() + "): " + e.getMessage(), e);
                        }
                        failed.incrementAndGet();
                        lastError.set(e.getMessage());
                        return false;
                    }
                });
        return new Outage(Duration.between(fault, Instant.now()), failed.get(), lastError.get());
    }
}
