package io.github.chatcluster.app;

import io.github.chatcluster.cluster.Text;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way the suite's clients retry a write, the way a careful application does. Every write it retries is
 * idempotent (client-made ids, ON CONFLICT DO NOTHING, a membership check), so a new attempt after an unknown outcome
 * is a real second INSERT whose conflict, not a prior read, keeps the data stored once.
 *
 * <ul>
 * <li>A failure whose refusal is final ({@link ChatDatabaseException#isFinal()}) is not retried.</li>
 * <li>Any other failure is retried within the window, every 100 ms. Each attempt is itself bounded: the client's
 * statements carry {@link #ATTEMPT_BOUND} as statement_timeout, so an attempt that waits on a lock ends.</li>
 * <li>When the window ends without success, a write that ever had an unknown outcome is {@link InDoubt}; one that was
 * only refused did not happen, and its last refusal is thrown.</li>
 * </ul>
 *
 * Every outcome is counted in the {@link AckLog}: acknowledged, refused, unknown, retries, and whether a retry after an
 * unknown outcome found the write already stored.
 */
public final class RetryPolicy {

    /** How long one attempt's statements may run (statement_timeout of a retrying client). */
    public static final Duration ATTEMPT_BOUND = Duration.ofSeconds(5);

    private final Duration window;

    private RetryPolicy(Duration window) {
        this.window = window;
    }

    /** Retries for up to the window after the first failure. */
    public static RetryPolicy within(Duration window) {
        return new RetryPolicy(window);
    }

    /** No retry: the first failure is counted and thrown. */
    public static RetryPolicy none() {
        return new RetryPolicy(Duration.ZERO);
    }

    public boolean retries() {
        return !window.isZero();
    }

    /** A session for a client under this policy: its statements are bounded when it retries. */
    public ChatApplication session(io.github.chatcluster.cluster.Endpoint endpoint) {
        ChatApplication app = ChatApplication.session(endpoint);
        return retries() ? app.boundingEachStatementTo(ATTEMPT_BOUND) : app;
    }

    /** A write that is safe to repeat; returns true when it found its own earlier effect already stored. */
    @FunctionalInterface
    public interface IdempotentWrite {
        boolean attempt();
    }

    /**
     * Runs the write, retrying it under this policy. Returns, when the write is acknowledged, whether the attempt
     * that succeeded found it already stored; throws the last {@link ChatDatabaseException} when it
     * was refused, or {@link InDoubt}.
     */
    public boolean write(IdempotentWrite write, OutcomeTally tally) {
        ChatDatabaseException first;
        try {
            return write.attempt();
        } catch (ChatDatabaseException e) {
            first = e;
            tally.failedAttempt(e);
        }
        AtomicBoolean unknown = new AtomicBoolean(first.outcome() == WriteOutcome.UNKNOWN);
        if (unknown.get()) {
            tally.unknownOutcome();
        }
        if (!retries() || first.isFinal()) {
            throw counted(first, unknown.get(), tally);
        }
        AtomicReference<ChatDatabaseException> last = new AtomicReference<>(first);
        AtomicBoolean foundStored = new AtomicBoolean();
        try {
            await("retrying a write through " + Text.firstLine(first.getMessage())).atMost(window)
                    .pollInSameThread().pollDelay(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        tally.retry();
                        try {
                            foundStored.set(write.attempt());
                            return true;
                        } catch (ChatDatabaseException e) {
                            last.set(e);
                            tally.failedAttempt(e);
                            if (e.outcome() == WriteOutcome.UNKNOWN && !unknown.getAndSet(true)) {
                                tally.unknownOutcome();
                            }
                            if (e.isFinal()) {
                                throw e;
                            }
                            return false;
                        }
                    });
        } catch (ChatDatabaseException finalRefusal) {
            throw counted(finalRefusal, unknown.get(), tally);
        } catch (ConditionTimeoutException windowOver) {
            throw counted(last.get(), unknown.get(), tally);
        }
        if (unknown.get()) {
            tally.unknownResolved(foundStored.get());
        }
        return foundStored.get();
    }

    private RuntimeException counted(ChatDatabaseException last, boolean unknown, OutcomeTally tally) {
        if (unknown) {
            return new InDoubt(window, last);
        }
        tally.refused(last.sqlState());
        return last;
    }

    /**
     * A write whose outcome stayed unknown when the retry window ended: typically one that was prepared on the
     * workers when its coordinator died, whose rows stay locked until that coordinator recovers it. The caller keeps
     * it and resolves it later.
     */
    public static class InDoubt extends RuntimeException {
        InDoubt(Duration window, Throwable cause) {
            super("a write was still in doubt after " + window.toSeconds() + " s of retries: " + cause.getMessage(), cause);
        }
    }
}
