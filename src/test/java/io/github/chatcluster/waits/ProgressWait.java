package io.github.chatcluster.waits;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A harness wait ({@link Progress}): polls in the calling thread until what it waits for is done, or no progress was
 * seen for the stall bound, or the ceiling is reached. It never throws for a wait that ended undone: the caller judges
 * what was seen last.
 */
public final class ProgressWait {

    static final Duration POLL = Duration.ofMillis(250);

    private ProgressWait() {
    }

    /** What a harness wait saw last, whether it was done, why it ended and how long it took. */
    public record Outcome<T>(T last, boolean done, String why, Duration took) {
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s after %.1f s (%s)", done ? "done" : "NOT done", took.toMillis() / 1000.0, why);
        }
    }

    public static <T> Outcome<T> await(String what, Supplier<T> poll, Predicate<T> done, Function<T, Object> mark,
                                       Duration stall, Duration ceiling) {
        Instant began = Instant.now();
        Progress progress = new Progress(began, stall, ceiling);
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<Progress.State> state = new AtomicReference<>(Progress.State.GOES_ON);
        try {
            Awaitility.await(what).atMost(ceiling.plus(POLL.multipliedBy(4))).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .pollInSameThread().until(() -> {
                        T seen = poll.get();
                        last.set(seen);
                        if (done.test(seen)) {
                            return true;
                        }
                        state.set(progress.observe(mark.apply(seen), Instant.now()));
                        return state.get() != Progress.State.GOES_ON;
                    });
        } catch (ConditionTimeoutException e) {
            state.set(Progress.State.CEILING);
        }
        Instant end = Instant.now();
        boolean isDone = last.get() != null && done.test(last.get());
        return new Outcome<>(last.get(), isDone, isDone ? "progress seen " + progress.changes() + " times"
                : progress.describe(state.get(), end), Duration.between(began, end));
    }
}
