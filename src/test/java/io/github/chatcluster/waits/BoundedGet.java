package io.github.chatcluster.waits;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of work that runs on another thread, waited for at most a bound: what a step does with a change, a fault
 * or a client it started. Past the bound it fails naming what did not happen; work that failed fails with its cause.
 */
public final class BoundedGet {

    private BoundedGet() {
    }

    public static <T> T of(Future<T> work, Duration bound, String what) {
        try {
            return work.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not end within " + bound.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
