package io.github.chatcluster.waits;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops an executor's threads within a bound, also when the caller is interrupted: what every pool of clients,
 * writers or trials does when it is done or failed. A thread that is still running past its bound is named on the
 * error stream (it holds a connection the bound could not close) and left to end on its own.
 */
public final class BoundedStop {

    private BoundedStop() {
    }

    /** Interrupts the threads now and waits at most {@code bound} for them to end; true if they did. */
    public static boolean now(ExecutorService threads, Duration bound, String what) {
        threads.shutdownNow();
        return awaitEnd(threads, bound, what);
    }

    /**
     * Lets the threads finish what they are doing for at most {@code grace} (no new task starts), then interrupts
     * them and waits at most {@code bound} more; true if they ended.
     */
    public static boolean after(ExecutorService threads, Duration grace, Duration bound, String what) {
        threads.shutdown();
        try {
            if (threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return now(threads, bound, what);
    }

    private static boolean awaitEnd(ExecutorService threads, Duration bound, String what) {
        boolean ended;
        try {
            ended = threads.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = threads.isTerminated();
        }
        if (!ended) {
            System.err.println(what + ": a thread still ran " + String.format(java.util.Locale.ROOT, "%.1f", bound.toMillis() / 1000.0)
                    + " s after it was interrupted");
        }
        return ended;
    }
}
