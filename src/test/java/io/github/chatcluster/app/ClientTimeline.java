package io.github.chatcluster.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one client of a {@link SteadyLoad} saw, in time order: its successes, each failed attempt (with its error),
 * and each request it gave up on. What the client saw during any part of the load can then be read
 * ({@link #within}): the longest time without a success that overlaps it, and what failed in it. Thread-safe.
 */
public final class ClientTimeline {

    public enum Kind { SUCCESS, FAILED_ATTEMPT, REFUSED, UNKNOWN }

    public record Event(Instant at, Kind kind, String error) {
    }

    /** What the client saw while something happened (a node's restart). */
    public record Window(Duration longestGap, int successes, int failedAttempts, int refused, int unknown,
                         Map<String, Integer> errors, int retriedToSuccess) {
        /** The most frequent errors, at most {@code count}, each with how often it was seen. */
        public String topErrors(int count) {
            if (errors.isEmpty()) {
                return "none";
            }
            return errors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(count)
                    .map(e -> e.getValue() + "× " + e.getKey()).reduce((a, b) -> a + " | " + b).orElse("none");
        }

        public String row(String client) {
            return String.format(Locale.ROOT, "%-30s %8.2f s %6d %7d %7d %5d", client, longestGap.toMillis() / 1000.0,
                    successes, failedAttempts, refused, unknown);
        }

        public static String header() {
            return String.format(Locale.ROOT, "%-30s %10s %6s %7s %7s %5s", "client", "longest gap", "done", "failed",
                    "refused", "unkn");
        }
    }

    private final Instant start;
    private final List<Event> events = new ArrayList<>();
    private Instant stop;

    public ClientTimeline(Instant start) {
        this.start = start;
    }

    public synchronized void add(Instant at, Kind kind, String error) {
        events.add(new Event(at, kind, error == null ? "" : error));
    }

    public synchronized void stopped(Instant at) {
        stop = at;
    }

    /**
     * What the client saw from {@code from} to {@code to}: the longest time between two successes (or the load's start
     * or stop) that overlaps it, and the successes, failed attempts, requests given up and their errors within it.
     */
    public synchronized Window within(Instant from, Instant to) {
        Instant end = stop != null ? stop : Instant.now();
        Duration longest = Duration.ZERO;
        Instant previous = start;
        int successes = 0;
        int failed = 0;
        int refused = 0;
        int unknown = 0;
        int retriedToSuccess = 0;
        boolean afterAFailedAttempt = false; // the client's requests are one after another: failed attempts, then the outcome
        Map<String, Integer> errors = new TreeMap<>();
        List<Instant> points = new ArrayList<>();
        for (Event e : events) {
            boolean inside = !e.at().isBefore(from) && !e.at().isAfter(to);
            if (e.kind() == Kind.SUCCESS) {
                points.add(e.at());
                successes += inside ? 1 : 0;
                retriedToSuccess += inside && afterAFailedAttempt ? 1 : 0;
            }
            afterAFailedAttempt = e.kind() == Kind.FAILED_ATTEMPT;
            if (e.kind() != Kind.SUCCESS && inside) {
                switch (e.kind()) {
                    case FAILED_ATTEMPT -> failed++;
                    case REFUSED -> refused++;
                    default -> unknown++;
                }
                errors.merge(e.error(), 1, Integer::sum);
            }
        }
        points.add(end);
        for (Instant next : points) {
            if (!next.isBefore(from) && !previous.isAfter(to)) {
                Duration gap = Duration.between(previous, next);
                if (gap.compareTo(longest) > 0) {
                    longest = gap;
                }
            }
            previous = next;
        }
        return new Window(longest, successes, failed, refused, unknown, errors, retriedToSuccess);
    }

    /**
     * The longest time between two successes (or the load's start or stop), not counting the part of it that falls
     * from {@code from} to {@code to}: what the client went through apart from an outage the scenario caused itself.
     */
    public synchronized Duration longestGapNotCounting(Instant from, Instant to) {
        return longestGapNotCounting(Instant.MIN, Instant.MAX, List.of(new Interval(from, to)));
    }

    /** A stretch of time not counted in a client's gaps (a node the scenario itself took down). */
    public record Interval(Instant from, Instant to) {
        Duration overlap(Instant a, Instant b) {
            Instant start = a.isAfter(from) ? a : from;
            Instant end = b.isBefore(to) ? b : to;
            return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
        }
    }

    /**
     * The longest time between two successes (or the load's start or stop) that overlaps {@code within}..{@code until},
     * not counting the parts of it that fall in the {@code excluded} intervals (which must not overlap each other):
     * what the client went through during a part of the load, apart from the times the nodes the scenario restarted
     * were down (which time the machine). A gap can span several parts: every restart in it is left out.
     */
    public synchronized Duration longestGapNotCounting(Instant within, Instant until, List<Interval> excluded) {
        Instant end = stop != null ? stop : Instant.now();
        List<Instant> points = new ArrayList<>();
        points.add(start);
        events.stream().filter(e -> e.kind() == Kind.SUCCESS).map(Event::at).sorted().forEach(points::add);
        points.add(end);
        Duration longest = Duration.ZERO;
        for (int k = 1; k < points.size(); k++) {
            Instant a = points.get(k - 1);
            Instant b = points.get(k);
            if (b.isBefore(within) || a.isAfter(until)) {
                continue;
            }
            Duration net = Duration.between(a, b);
            for (Interval out : excluded) {
                net = net.minus(out.overlap(a, b));
            }
            if (net.compareTo(longest) > 0) {
                longest = net;
            }
        }
        return longest;
    }
}
