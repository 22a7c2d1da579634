package io.github.chatcluster.waits;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rule of a harness wait (a wait for the harness's own work, such as a rebalance to finish or a node to accept
 * queries, which times the machine as much as the cluster): it goes on as long as progress is seen, and gives up after
 * {@code stall} without progress or at an absolute {@code ceiling}. Progress is any change of what is observed (a
 * task done, a copy moved, a status that changed).
 */
public final class Progress {

    /** Why a wait ended, or that it goes on. */
    public enum State { GOES_ON, STALLED, CEILING }

    private final Instant began;
    private final Duration stall;
    private final Duration ceiling;
    private Object lastMark;
    private Instant lastChange;
    private int changes;

    public Progress(Instant began, Duration stall, Duration ceiling) {
        this.began = began;
        this.stall = stall;
        this.ceiling = ceiling;
        this.lastChange = began;
    }

    /** Takes what was seen at {@code at}, and says whether the wait goes on. */
    public synchronized State observe(Object mark, Instant at) {
        if (lastMark == null || !Objects.equals(lastMark, mark)) {
            if (lastMark != null) {
                changes++;
            }
            lastMark = mark;
            lastChange = at;
        }
        if (!Duration.between(began, at).minus(ceiling).isNegative()) {
            return State.CEILING;
        }
        return Duration.between(lastChange, at).compareTo(stall) >= 0 ? State.STALLED : State.GOES_ON;
    }

    /** How many times what was seen changed. */
    public synchronized int changes() {
        return changes;
    }

    public synchronized String describe(State state, Instant at) {
        String took = seconds(Duration.between(began, at));
        return switch (state) {
            case GOES_ON -> "still progressing after " + took + " s";
            case STALLED -> "no progress for " + seconds(Duration.between(lastChange, at)) + " s (bound " + seconds(stall)
                    + " s), after " + took + " s and " + changes + " changes";
            case CEILING -> "still progressing at the ceiling of " + seconds(ceiling) + " s (" + changes + " changes)";
        };
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
