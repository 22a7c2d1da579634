package io.github.chatcluster.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The longest time one client went without a success, from the moment it started to the moment it stopped: the gaps
 * between its successes, before the first and after the last. What a user of the application feels during an
 * operation, whatever the number of its attempts. Thread-safe.
 */
public final class ClientGaps {

    private final Instant start;
    private Instant lastSuccess;
    private Duration longest = Duration.ZERO;
    private Instant longestEnded;
    private int successes;

    public ClientGaps(Instant start) {
        this.start = start;
        this.lastSuccess = start;
        this.longestEnded = start;
    }

    public synchronized void success(Instant at) {
        gapUntil(at);
        lastSuccess = at;
        successes++;
    }

    /** The client stopped: the time since its last success is a gap too. */
    public synchronized void stopped(Instant at) {
        gapUntil(at);
    }

    private void gapUntil(Instant at) {
        Duration gap = Duration.between(lastSuccess, at);
        if (gap.compareTo(longest) > 0) {
            longest = gap;
            longestEnded = at;
        }
    }

    public synchronized Duration longest() {
        return longest;
    }

    /** When the longest gap began, in seconds after the client started. */
    public synchronized double longestBeganAfterSeconds() {
        return Duration.between(start, longestEnded.minus(longest)).toMillis() / 1000.0;
    }

    public synchronized int successes() {
        return successes;
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "%d successes, longest gap %.2f s (from %.1f s after its start)", successes,
                longest.toMillis() / 1000.0, longestBeganAfterSeconds());
    }
}
