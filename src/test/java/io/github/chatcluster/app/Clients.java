package io.github.chatcluster.app;

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
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(whatIfOneFails + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
