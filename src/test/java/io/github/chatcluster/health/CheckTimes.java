package io.github.chatcluster.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.chatcluster.stats.Percentile;

/**
 * How long the check before every scenario took over a run, kept apart for a cluster found healthy and one that needed
 * a repair: the median and the 90th percentile of each (nearest rank), for the run's summary; and, over the checks
 * that found the cluster healthy, where the time went: the median of each condition's look.
 */
public final class CheckTimes {

    private final List<Duration> healthy = new ArrayList<>();
    private final List<Duration> repaired = new ArrayList<>();
    private final Map<String, List<Duration>> healthyLooks = new LinkedHashMap<>();

    public synchronized void add(HealthyBaseline.Outcome outcome) {
        add(outcome.wasHealthy(), outcome.took());
        if (outcome.wasHealthy()) {
            outcome.firstLook().forEach((what, took) -> healthyLooks.computeIfAbsent(what, k -> new ArrayList<>()).add(took));
        }
    }

    synchronized void add(boolean wasHealthy, Duration took) {
        (wasHealthy ? healthy : repaired).add(took);
    }

    /** "median 1.20 s, 90th percentile 2.10 s, of 45 checks", or "no check" for the kind asked. */
    public synchronized String describe(boolean ofHealthy) {
        List<Duration> times = ofHealthy ? healthy : repaired;
        if (times.isEmpty()) {
            return "no check";
        }
        return String.format(Locale.ROOT, "median %.2f s, 90th percentile %.2f s, of %d check(s)",
                seconds(Percentile.of(times, 0.5)), seconds(Percentile.of(times, 0.9)), times.size());
    }

    /** The median time of each condition's look in the checks that found the cluster healthy, slowest first. */
    public synchronized String describeConditions() {
        if (healthyLooks.isEmpty()) {
            return "no check";
        }
        return healthyLooks.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), Percentile.of(e.getValue(), 0.5)))
                .sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format(Locale.ROOT, "%s %.3f s", e.getKey(), seconds(e.getValue())))
                .collect(Collectors.joining(", ", "medians: ", ""));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
