package io.github.chatcluster.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long the check before every scenario took over a run, kept apart for a cluster found healthy and one that needed
 * a repair: the median and the 90th percentile of each (nearest rank), for the run's summary.
 */
public final class CheckTimes {

    private final List<Duration> healthy = new ArrayList<>();
    private final List<Duration> repaired = new ArrayList<>();

    public synchronized void add(boolean wasHealthy, Duration took) {
        (wasHealthy ? healthy : repaired).add(took);
    }

    /** "median 1.20 s, 90th percentile 2.10 s, of 45 checks", or "no check" for the kind asked. */
    public synchronized String describe(boolean ofHealthy) {
        return describe(ofHealthy ? healthy : repaired);
    }

    static String describe(List<Duration> times) {
        if (times.isEmpty()) {
            return "no check";
        }
        List<Duration> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %.2f s, 90th percentile %.2f s, of %d check(s)",
                seconds(percentile(sorted, 0.5)), seconds(percentile(sorted, 0.9)), sorted.size());
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least that share at or below it. */
    static Duration percentile(List<Duration> sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
