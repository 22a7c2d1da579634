package io.github.chatcluster.schedule;

import java.time.Duration;

/**
 * The opening of a run of several clusters: the scenarios that measure the machine ({@code @benchmark}) run first, one
 * after the other, and every other scenario waits at the gate until they have started. The machine is empty then, and
 * nothing has to end before a benchmark may start. (Queued behind the other scenarios, each benchmark waited 16 to 27 s
 * for the scenarios before it to end, with the places they freed idle, and the last one ran with the other clusters
 * idle beside it: runs of 6 Dec 2026.) They are the scenarios of one feature ({@code performance.feature}), which
 * {@link LongScenariosFirst} hands to the executor's first thread; this phase keeps the scenarios that the other
 * threads bring to the gate at the same moment from going first.
 * <p>
 * The phase ends for good when every benchmark of the run has started, or when none waits or runs once a grace has
 * passed, from the first scenario at the gate or from the end of the last benchmark (the thread that ran one takes the
 * next at once: they are in one feature). A benchmark that the executor did not start first then runs as any other
 * does, when the places it needs are free. Pure state; the gate keeps it under its lock and gives it the time.
 */
final class BenchmarksFirst {

    /** Long enough for the executor's first threads to reach the gate: they start within milliseconds of each other. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final int benchmarks;
    private final long graceNanos;
    private int started;
    private boolean arrived;
    /** The first arrival at the gate, or the end of the last benchmark since: the grace counts from it. */
    private long since;
    private boolean over;

    BenchmarksFirst(int benchmarks, Duration grace) {
        this.benchmarks = benchmarks;
        this.graceNanos = grace.toNanos();
    }

    /** A run with no benchmark to put first: no opening. */
    static BenchmarksFirst none() {
        return new BenchmarksFirst(0, Duration.ZERO);
    }

    /** A scenario reaches the gate at {@code now}: the grace counts from the first one. */
    void arrives(long now) {
        if (!arrived) {
            arrived = true;
            since = now;
        }
    }

    /**
     * Whether the opening still holds the other scenarios at {@code now}; once it does not, it never does again.
     * {@code aBenchmarkWaitsOrRuns}: whether a benchmark waits at the gate or holds places.
     */
    boolean holds(long now, boolean aBenchmarkWaitsOrRuns) {
        if (!over && (started >= benchmarks || !aBenchmarkWaitsOrRuns && arrived && now - since >= graceNanos)) {
            over = true;
        }
        return !over;
    }

    /** A benchmark takes its places. */
    void benchmarkStarts() {
        started++;
    }

    /** A benchmark gives its places back at {@code now}: the next one has the grace from then to arrive. */
    void benchmarkEnds(long now) {
        since = now;
    }

    /**
     * How long a held scenario may wait before it must look again: until the grace ends; after it, until the gate
     * is told of a change (a benchmark starting or ending), so as long as the waiter's own bound.
     */
    long nanosToLookAgain(long now) {
        long graceLeft = arrived ? since + graceNanos - now : graceNanos;
        return graceLeft > 0 ? graceLeft : Long.MAX_VALUE;
    }
}
