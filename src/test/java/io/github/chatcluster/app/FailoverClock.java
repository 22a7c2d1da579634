package io.github.chatcluster.app;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chatcluster.cluster.Endpoint;

/** Measures how long clients of an entry point are without service after a fault. */
public final class FailoverClock {

    /** How long we are willing to watch before calling the entry point dead. */
    public static final Duration OBSERVE_AT_MOST = Duration.ofSeconds(60);

    public record Outage(Duration duration, int failedAttempts) {
        public double seconds() {
            return duration.toMillis() / 1000.0;
        }
    }

    private FailoverClock() {
    }

    /** From the fault until a new connection through the entry point commits a new room. */
    public static Outage untilWriteSucceeds(Endpoint entry, Instant fault) {
        AtomicInteger failed = new AtomicInteger();
        ChatApplication app = ChatApplication.through(entry);
        await("a write through " + entry).atMost(OBSERVE_AT_MOST).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    try {
                        app.createRoom(ChatWriter.newRoomId(), "failover probe");
                        return true;
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        return false;
                    }
                });
        return new Outage(Duration.between(fault, Instant.now()), failed.get());
    }

    /** From the fault until a new connection through the entry point answers a distributed read. */
    public static Outage untilReadSucceeds(Endpoint entry, Instant fault) {
        AtomicInteger failed = new AtomicInteger();
        await("a read through " + entry).atMost(OBSERVE_AT_MOST).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    try (Connection c = entry.connect(); Statement s = c.createStatement()) {
                        s.executeQuery("SELECT count(*) FROM rooms").close();
                        return true;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        return false;
                    }
                });
        return new Outage(Duration.between(fault, Instant.now()), failed.get());
    }
}
