package io.github.chatcluster.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The machine gate's backfilling (EASY), on expected times: how this machine compares with the one that recorded them,
 * and whether a scenario may start ahead of the one that waits first without delaying it. Not thread-safe: the gate
 * calls it under its own lock.
 */
final class Backfill {

    /** A running scenario: when it is expected to end ({@link Long#MAX_VALUE}: no expected end), and the places it holds. */
    record Running(long expectedEnd, int held) {
    }

    private final List<Double> actualOverExpected = new ArrayList<>();

    /** A scenario ended: how long it took against its recorded time. */
    void ended(Duration actual, Duration expected) {
        if (expected.toNanos() > 0) {
            actualOverExpected.add(actual.toNanos() / (double) expected.toNanos());
        }
    }

    /** Actual over recorded time: the median of the scenarios ended so far (1 before five have), between 0.2 and 5. */
    double speed() {
        if (actualOverExpected.size() < 5) {
            return 1;
        }
        List<Double> sorted = actualOverExpected.stream().sorted().toList();
        return Math.max(0.2, Math.min(5, sorted.get(sorted.size() / 2)));
    }

    /** A recorded time, as long as it is expected to take on this machine. */
    long scaled(Duration expected) {
        return (long) (expected.toNanos() * speed());
    }

    /**
     * Whether a scenario that wants {@code wanted} places and is expected to end at {@code end} may start now, ahead of
     * the first waiter, who wants {@code firstWants}, without delaying it: that one could start when enough of the
     * {@code running} scenarios have ended (by their expected ends); this one ends before that, or leaves it enough places
     * then. With {@code free} places enough for the first waiter, it goes itself; when one it waits for has no expected
     * end, no one goes ahead of it; and no one goes ahead on places that are not free.
     */
    static boolean goesAhead(int free, int firstWants, int wanted, long end, List<Running> running) {
        if (firstWants <= free || wanted > free) {
            return false;
        }
        int freeThen = free;
        // by expected end; among those already overdue (all "now") the one holding most first, so that the places
        // counted free at the first waiter's start are the fewest the actual order of their ends could give
        for (Running r : running.stream().sorted(Comparator.comparingLong(Running::expectedEnd)
                .thenComparing(Comparator.comparingInt(Running::held).reversed())).toList()) {
            freeThen += r.held();
            if (freeThen >= firstWants) {
                return r.expectedEnd() != Long.MAX_VALUE && (end <= r.expectedEnd() || wanted <= freeThen - firstWants);
            }
        }
        return false;
    }
}
