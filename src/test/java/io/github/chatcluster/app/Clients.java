package io.github.chatcluster.app;

import io.github.chatcluster.waits.BoundedStop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Clients that run at the same time, each on its own thread, released together from a barrier. */
final class Clients {

    private Clients() {
    }

    /** The longest clients run together before the call gives up on them (every client's own waits are shorter). */
    static final java.time.Duration BOUND = java.time.Duration.ofSeconds(180);

    /** Runs every client at once and returns their results in order; a client that throws fails the whole call. */
    static <T> List<T> atOnce(List<Callable<T>> clients, String whatIfOneFails) {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        CyclicBarrier together = new CyclicBarrier(clients.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> client : clients) {
                futures.add(pool.submit(() -> {
                    together.await(60, TimeUnit.SECONDS);
                    return client.call();
                }));
            }
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime() + BOUND.toNanos();
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(whatIfOneFails + ": a client had no result " + BOUND.toSeconds() + " s after they started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(whatIfOneFails + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            BoundedStop.now(pool, java.time.Duration.ofSeconds(30), "the clients (" + whatIfOneFails + ")");
        }
    }
}
