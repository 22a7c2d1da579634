package io.github.chatcluster.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * <p>
 * A scenario that is quiet for a known time lends all its places ({@link Pass#lend}) to scenarios expected
 * to end before it wants them back; no one else counts them free, so a loan delays no one who waits. In a run of
 * several clusters, the benchmarks go first ({@link BenchmarksFirst}).
 */
public final class MachineGate {

    private static volatile MachineGate run;

    private final int places;
    private final LongSupplier nanoClock;
    private final Deque<Waiter> queue = new ArrayDeque<>();
    private final List<Pass> passes = new ArrayList<>();
    private final List<Loan> loans = new ArrayList<>();
    private final Backfill backfill = new Backfill();
    private final java.util.Set<Pass> benchmarksRunning = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private BenchmarksFirst opening = BenchmarksFirst.none();
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
        return enter(who, weight, Optional.empty(), bound, false);
    }

    /**
     * The run's scenarios that measure the machine run first ({@link BenchmarksFirst}), before any scenario has
     * reached the gate: {@code benchmarks} of them, each of which enters as one that measures the machine.
     */
    public synchronized void benchmarksFirst(int benchmarks, Duration grace) {
        opening = new BenchmarksFirst(benchmarks, grace);
    }

    /**
     * Waits (at most {@code bound}) until the scenario may take {@code weight} places (all of them at most): when it is
     * first in line, or when going ahead, for the {@code expected} time, delays no one who waits first. While the run's
     * opening holds ({@link BenchmarksFirst}), only a scenario that {@code measures} the machine may enter, the first
     * of them in line first.
     */
    public synchronized Pass enter(String who, int weight, Optional<Duration> expected, Duration bound, boolean measures) throws InterruptedException {
        int wanted = Math.max(1, Math.min(places, weight));
        long started = System.nanoTime();
        Waiter me = new Waiter(wanted, expected, measures);
        queue.addLast(me);
        opening.arrives(nanoClock.getAsLong());
        boolean ahead;
        Loan borrowed;
        try {
            while (true) {
                long now = nanoClock.getAsLong();
                boolean opens = opening.holds(now, benchmarkWaitsOrRuns());
                Waiter first = opens ? queue.stream().filter(w -> w.measures).findFirst().orElse(me) : queue.peekFirst();
                borrowed = null;
                if (!(opens && !measures)
                        && ((borrowed = loanItFits(me)) != null || wanted <= free && (first == me || goesAheadWithoutDelaying(me, first)))) {
                    ahead = first != me;
                    break;
                }
                long left = started + bound.toNanos() - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("waited " + bound.toSeconds() + " s for " + wanted + " of the machine's " + places
                            + " places, and gave up: a scenario before this one runs far longer than any scenario should; running: " + running());
                }
                TimeUnit.NANOSECONDS.timedWait(this, opens ? Math.min(left, opening.nanosToLookAgain(now)) : left);
            }
        } finally {
            queue.removeIf(w -> w == me); // this waiter, not an equal one
            notifyAll(); // the next in line may go now
        }
        if (borrowed == null) {
            free -= wanted;
        } else {
            borrowed.inUse += wanted;
            borrowed.borrowers++;
        }
        Pass pass = new Pass(this, who, wanted, Duration.ofNanos(System.nanoTime() - started), expected, nanoClock.getAsLong(), ahead, borrowed);
        passes.add(pass);
        if (measures) {
            benchmarksRunning.add(pass);
            opening.benchmarkStarts();
        }
        return pass;
    }

    private boolean benchmarkWaitsOrRuns() {
        return !benchmarksRunning.isEmpty() || queue.stream().anyMatch(w -> w.measures);
    }

    /** A loan whose free places {@code me} fits in, and that it is expected to give back before they are wanted back. */
    private Loan loanItFits(Waiter me) {
        if (me.expected.isEmpty() || me.measures) { // a benchmark runs alone, not beside a lender's cluster
            return null;
        }
        long end = nanoClock.getAsLong() + backfill.scaled(me.expected.get());
        return loans.stream().filter(l -> me.wanted <= l.places - l.inUse && end <= l.dueNanos).findFirst().orElse(null);
    }

    /**
     * Whether {@code me} may start now, ahead of {@code first}, without delaying it: {@code first} could start when
     * enough of the running scenarios have ended (by their expected ends); {@code me} expects to end before that, or
     * leaves {@code first} enough places then.
     */
    private boolean goesAheadWithoutDelaying(Waiter me, Waiter first) {
        if (me.expected.isEmpty()) {
            return false;
        }
        long now = nanoClock.getAsLong();
        List<Backfill.Running> running = passes.stream().filter(p -> p.loan == null)
                .map(p -> new Backfill.Running(p.expected.map(e -> Math.max(now, p.startedNanos + backfill.scaled(e))).orElse(Long.MAX_VALUE), p.held))
                .toList();
        return Backfill.goesAhead(free, first.wanted, me.wanted, now + backfill.scaled(me.expected.get()), running);
    }

    double speed() {
        return backfill.speed();
    }

    /**
     * A scenario ends. A borrower gives its places back to its loan, or to the machine once the lender has ended. A
     * lender's loans end with it: it frees what it holds but for the places its borrowers are still on, which come free
     * as each of them ends.
     */
    synchronized void release(Pass pass) {
        passes.remove(pass);
        if (benchmarksRunning.remove(pass)) {
            opening.benchmarkEnds(nanoClock.getAsLong());
        }
        if (pass.loan == null) {
            loans.removeAll(pass.loansMade);
            pass.loansMade.forEach(l -> l.lenderEnded = true);
            free += pass.held - pass.lentAndInUse();
        } else {
            pass.loan.inUse -= pass.held;
            if (pass.loan.lenderEnded) {
                free += pass.held;
            }
        }
        pass.expected.ifPresent(e -> backfill.ended(Duration.ofNanos(nanoClock.getAsLong() - pass.startedNanos), e));
        notifyAll();
    }

    /**
     * Lends all of a pass's places for {@code quietNanos} from now, less those that borrowers of its earlier loans are
     * still on; none when it borrowed its own, has ended, or has a loan open. (The lender keeps its cluster: the run
     * has one cluster more than places, {@link ClusterParallelism#clusters()}.)
     */
    synchronized Loan lend(Pass pass, long quietNanos) {
        boolean cannot = pass.loan != null || pass.closed || pass.loansMade.stream().anyMatch(loans::contains);
        Loan loan = new Loan(this, cannot ? 0 : Math.max(0, pass.held - pass.lentAndInUse()), nanoClock.getAsLong() + quietNanos);
        if (loan.places > 0) {
            pass.loansMade.add(loan);
            loans.add(loan);
            notifyAll();
        }
        return loan;
    }

    /** Ends a loan: no one borrows from it any more; waits (at most {@code bound}) until its borrowers have ended. */
    synchronized Duration takeBack(Loan loan, Duration bound) throws InterruptedException {
        if (!loans.remove(loan)) {
            return Duration.ZERO;
        }
        long started = System.nanoTime();
        long deadline = started + bound.toNanos();
        while (loan.inUse > 0 && System.nanoTime() < deadline) {
            TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
        }
        if (loan.inUse > 0) {
            throw new IllegalStateException("lent " + loan.places + " place(s) and waited " + bound.toSeconds()
                    + " s to have them back, and gave up: running: " + running());
        }
        return Duration.ofNanos(System.nanoTime() - started);
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
        private final boolean measures;

        Waiter(int wanted, Optional<Duration> expected, boolean measures) {
            this.wanted = wanted;
            this.expected = expected;
            this.measures = measures;
        }
    }
}
