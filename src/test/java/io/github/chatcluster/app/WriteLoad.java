package io.github.chatcluster.app;

import io.github.chatcluster.waits.BoundedStop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import io.github.chatcluster.cluster.Endpoint;


/** Several chat clients writing at the same time, each on its own thread and connection(s). */
public class WriteLoad {

    /** What a timed load achieved. */
    public record Throughput(long writes, long failures, long inDoubt, Duration elapsed, String firstFailure) {
        public double perSecond() {
            return writes * 1000.0 / Math.max(1, elapsed.toMillis());
        }
    }

    private final AckLog acks;

    public WriteLoad(AckLog acks) {
        this.acks = acks;
    }

    /** Each client creates its rooms, with members and messages; all clients start together. */
    public List<Throwable> roomsAtOnce(Map<Endpoint, Integer> clientsPerEndpoint, int roomsPerClient, int messagesPerRoom,
                                       Duration retryWindow, Duration bound) {
        List<Runnable> clients = new ArrayList<>();
        clientsPerEndpoint.forEach((endpoint, count) -> {
            for (int i = 0; i < count; i++) {
                ChatWriter writer = new ChatWriter(endpoint, acks, retryWindow);
                clients.add(() -> {
                    try {
                        for (int r = 0; r < roomsPerClient; r++) {
                            writer.writeRoom(messagesPerRoom);
                        }
                    } finally {
                        writer.close();
                    }
                });
            }
        });
        return runAll(clients, bound);
    }

    /** Clients send messages into their own room until the duration is over. */
    public Throughput messagesFor(Map<Endpoint, Integer> clientsPerEndpoint, Duration duration, Duration retryWindow) {
        AtomicLong writes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong inDoubt = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Runnable> clients = new ArrayList<>();
        Instant end = Instant.now().plus(duration);
        clientsPerEndpoint.forEach((endpoint, count) -> {
            for (int i = 0; i < count; i++) {
                ChatWriter writer = new ChatWriter(endpoint, acks, retryWindow);
                clients.add(() -> {
                    try {
                        long room = writer.writeRoom(0);
                        long sender = room % 1_000_000_000L;
                        int n = 0;
                        while (Instant.now().isBefore(end)) {
                            try {
                                writer.sendMessage(room, sender + n % 2, "load message " + n++);
                                writes.incrementAndGet();
                            } catch (RetryPolicy.InDoubt e) {
                                inDoubt.incrementAndGet();
                            } catch (RuntimeException e) {
                                failures.incrementAndGet();
                                firstFailure.compareAndSet(null, e.toString());
                            }
                        }
                    } finally {
                        writer.close();
                    }
                });
            }
        });
        Instant start = Instant.now();
        List<Throwable> errors = runAll(clients, duration.plus(retryWindow).plusSeconds(60));
        if (!errors.isEmpty()) {
            throw new AssertionError("a writer failed: " + errors.get(0), errors.get(0));
        }
        return new Throughput(writes.get(), failures.get(), inDoubt.get(), Duration.between(start, Instant.now()), firstFailure.get());
    }

    /** When each client of the last load began and ended its writes (after the common start). */
    private final List<Instant[]> spans = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * How long every client of the last load was writing at the same time: from the last client's first write to
     * the first client's end. Zero or negative: the clients did not all overlap.
     */
    public Duration overlap() {
        Instant lastStart = spans.stream().map(s -> s[0]).max(Instant::compareTo).orElseThrow();
        Instant firstEnd = spans.stream().map(s -> s[1]).min(Instant::compareTo).orElseThrow();
        return Duration.between(lastStart, firstEnd);
    }

    /** The clients wait for each other at a barrier and then all start at once; each one's span is kept. */
    private List<Throwable> runAll(List<Runnable> clients, Duration bound) {
        spans.clear();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(clients.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Throwable> errors = new ArrayList<>();
        try {
            List<Future<?>> futures = clients.stream().<Future<?>>map(client -> pool.submit(() -> {
                try {
                    together.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the clients did not all start together: " + e, e);
                }
                Instant start = Instant.now();
                try {
                    client.run();
                } finally {
                    spans.add(new Instant[] {start, Instant.now()});
                }
            })).toList();
            long deadline = System.nanoTime() + bound.toNanos();
            for (Future<?> f : futures) {
                try {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    errors.add(e.getCause());
                } catch (TimeoutException e) {
                    errors.add(new AssertionError("a writer did not finish within " + bound));
                    f.cancel(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    errors.add(e);
                }
            }
        } finally {
            BoundedStop.now(pool, Duration.ofSeconds(30), "the writers");
        }
        return errors;
    }
}
