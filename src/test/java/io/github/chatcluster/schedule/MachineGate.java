package io.github.chatcluster.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.chatcluster.cluster.ClusterParallelism;

/**
 * Who may use the machine, and how much of it: the machine has as many places as the run's capacity
 * ({@link io.github.chatcluster.machine.MachineCapacity}); a scenario takes one, a heavy one ({@code @heavy}) more, and
 * one that measures the machine ({@code @benchmark}) all of them.
 * <p>
 * First come, first served, with backfilling as batch schedulers do it (EASY): the scenario that waits first starts
 * as soon as enough places are free, and a scenario behind it may go ahead only when that does not delay it: when
 * the scenario ahead expects to end before the places the first one waits for come free, or leaves them free. What a
 * scenario expects to take is its recorded time ({@link RecordedDurations}), scaled by how this machine compares with
 * the one that recorded them (the median of actual over recorded time of the scenarios ended so far, once five have). A scenario with
 * no expected time never goes ahead. (Plain first come, first served left a run's machine almost idle for two minutes:
 * a heavy scenario waited behind one that was mostly quiet, and everything waited behind the heavy one.)
 */
public final class MachineGate {

    private static volatile MachineGate run;

    private final int places;
    private final LongSupplier nanoClock;
    private final Deque<Waiter> queue = new ArrayDeque<>();
    private final List<Pass> passes = new ArrayList<>();
    private final List<Double> actualOverExpected = new ArrayList<>();
    private int free;

    MachineGate(int places) {
        this(places, System::nanoTime);
    }

    MachineGate(int places, LongSupplier nanoClock) {
        this.places = places;
        this.free = places;
        this.nanoClock = nanoClock;
    }

    /** The gate of this run, with the run's capacity: every scenario of the JVM passes it. */
    public static MachineGate ofTheRun() {
        if (run == null) {
            synchronized (MachineGate.class) {
                if (run == null) {
                    run = new MachineGate(ClusterParallelism.capacity().scenariosAtOnce());
                }
            }
        }
        return run;
    }

    /** Waits (at most {@code bound}) until the scenario may take {@code weight} places; it never goes ahead of another. */
    public Pass enter(String who, int weight, Duration bound) throws InterruptedException {
        return enter(who, weight, Optional.empty(), bound);
    }

    /**
     * Waits (at most {@code bound}) until the scenario may take {@code weight} places (all of them at most): when it is
     * first in line, or when going ahead, for the {@code expected} time, delays no one who waits first.
     */
    public synchronized Pass enter(String who, int weight, Optional<Duration> expected, Duration bound) throws InterruptedException {
        int wanted = Math.max(1, Math.min(places, weight));
        long started = System.nanoTime();
        Waiter me = new Waiter(wanted, expected);
        queue.addLast(me);
        boolean ahead;
        try {
            while (true) {
                Waiter first = queue.peekFirst();
                if (wanted <= free && (first == me || goesAheadWithoutDelaying(me, first))) {
                    ahead = first != me;
                    break;
                }
                long left = started + bound.toNanos() - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("waited " + bound.toSeconds() + " s for " + wanted + " of the machine's " + places
                            + " places, and gave up: a scenario before this one runs far longer than any scenario should; running: " + running());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } finally {
            queue.removeIf(w -> w == me); // this waiter, not an equal one
            notifyAll(); // the next in line may go now
        }
        free -= wanted;
        Pass pass = new Pass(who, wanted, Duration.ofNanos(System.nanoTime() - started), expected, nanoClock.getAsLong(), ahead);
        passes.add(pass);
        return pass;
    }

    /**
     * Whether {@code me} may start now, ahead of {@code first}, without delaying it: {@code first} could start when
     * enough of the running scenarios have ended (by their expected ends); {@code me} expects to end before that, or
     * leaves {@code first} enough places then.
     */
    private boolean goesAheadWithoutDelaying(Waiter me, Waiter first) {
        if (me.expected.isEmpty() || first.wanted <= free) {
            return false; // the first one goes itself
        }
        long now = nanoClock.getAsLong();
        int freeThen = free;
        long firstStarts = Long.MAX_VALUE;
        // by expected end; among those already overdue (all "now") the one holding most first, so that the places
        // counted free at the first waiter's start are the fewest the actual order of their ends could give
        for (Pass p : passes.stream().sorted(Comparator.comparingLong((Pass p) -> expectedEnd(p, now))
                .thenComparing(Comparator.comparingInt((Pass p) -> p.held).reversed())).toList()) {
            freeThen += p.held;
            if (freeThen >= first.wanted) {
                firstStarts = expectedEnd(p, now);
                break;
            }
        }
        if (firstStarts == Long.MAX_VALUE) {
            return false; // a scenario it waits for has no expected end: no one goes ahead of it
        }
        return now + scaled(me.expected.get()) <= firstStarts || me.wanted <= freeThen - first.wanted;
    }

    /** When a running scenario is expected to end: now at the earliest; never, when it has no expected time. */
    private long expectedEnd(Pass p, long now) {
        return p.expected.map(e -> Math.max(now, p.startedNanos + scaled(e))).orElse(Long.MAX_VALUE);
    }

    private long scaled(Duration expected) {
        return (long) (expected.toNanos() * speed());
    }

    /** Actual over recorded time: the median of the scenarios ended so far (1 before five have), between 0.2 and 5. */
    double speed() {
        if (actualOverExpected.size() < 5) {
            return 1;
        }
        List<Double> sorted = actualOverExpected.stream().sorted().toList();
        return Math.max(0.2, Math.min(5, sorted.get(sorted.size() / 2)));
    }

    private synchronized void release(Pass pass) {
        passes.remove(pass);
        free += pass.held;
        pass.expected.filter(e -> e.toNanos() > 0)
                .ifPresent(e -> actualOverExpected.add((nanoClock.getAsLong() - pass.startedNanos) / (double) e.toNanos()));
        notifyAll();
    }

    /** How many places are taken now. */
    public synchronized int inUse() {
        return places - free;
    }

    public int places() {
        return places;
    }

    /** The scenarios that hold places now, each with how many. */
    public synchronized List<String> running() {
        return passes.stream().map(p -> p.who + " (" + p.held + " of " + places + ")").sorted().toList();
    }

    /** How many scenarios wait at the gate. */
    synchronized int queueLength() {
        return queue.size();
    }

    /** One scenario waiting at the gate (compared by identity: two scenarios may wait alike). */
    private static final class Waiter {
        private final int wanted;
        private final Optional<Duration> expected;

        Waiter(int wanted, Optional<Duration> expected) {
            this.wanted = wanted;
            this.expected = expected;
        }
    }

    /** A scenario's places on the machine, until it is closed (once; closing again does nothing). */
    public final class Pass implements AutoCloseable {
        private final String who;
        private final int held;
        private final Duration waited;
        private final Optional<Duration> expected;
        private final long startedNanos;
        private final boolean wentAhead;
        private boolean closed;

        private Pass(String who, int held, Duration waited, Optional<Duration> expected, long startedNanos, boolean wentAhead) {
            this.who = who;
            this.held = held;
            this.waited = waited;
            this.expected = expected;
            this.startedNanos = startedNanos;
            this.wentAhead = wentAhead;
        }

        /** How long the scenario waited at the gate. */
        public Duration waited() {
            return waited;
        }

        /** Whether the scenario has the machine to itself. */
        public boolean alone() {
            return held == places;
        }

        public int held() {
            return held;
        }

        /** Whether it started ahead of a scenario that waited before it (without delaying it, as far as expected). */
        public boolean wentAhead() {
            return wentAhead;
        }

        @Override
        public void close() {
            synchronized (MachineGate.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(this);
        }
    }
}
