package io.github.chatcluster.app;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
        return until(entry, fault, "INSERT INTO rooms (id, name) VALUES (" + ChatWriter.newRoomId() + ", 'failover probe')");
    }

    /** From the fault until a new connection through the entry point answers a distributed read. */
    public static Outage untilReadSucceeds(Endpoint entry, Instant fault) {
        return until(entry, fault, "SELECT count(*) FROM rooms");
    }

    private static Outage until(Endpoint entry, Instant fault, String sql) {
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> lastError = new AtomicReference<>("none");
        await("'" + sql + "' through " + entry).atMost(OBSERVE_AT_MOST).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    try (Connection c = entry.connectOnce(Duration.ofSeconds(5), Duration.ofSeconds(30));
                         Statement s = c.createStatement()) {
                        s.execute(sql);
                        return true;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        lastError.set(e.getMessage());
                        return false;
                    }
                });
        return new Outage(Duration.between(fault, Instant.now()), failed.get(), lastError.get());
    }
}
