package io.github.chatcluster.schedule;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who may use the machine: a scenario that measures it ({@code @benchmark}) runs alone, every other scenario shares
 * it with the others. First come, first served: once a scenario that runs alone waits, the scenarios that come after it
 * wait behind it, so it waits only until the scenarios already running end (JUnit's exclusive resources let the
 * others barge in ahead of it: in one measured run two @benchmark scenarios waited 46 s while others kept starting).
 *
 * <p>A fair semaphore with more permits than there can be threads: sharing takes one, alone takes them all.
 */
public final class MachineGate {

    static final int PERMITS = 1 << 16;
    private static final MachineGate RUN = new MachineGate();

    private final Semaphore permits = new Semaphore(PERMITS, true);

    MachineGate() {
    }

    /** The gate of this run: every scenario of the JVM passes it. */
    public static MachineGate ofTheRun() {
        return RUN;
    }

    /** Waits (at most {@code bound}) until the scenario may use the machine: alone, or beside the others. */
    public Pass enter(boolean alone, Duration bound) throws InterruptedException {
        int wanted = alone ? PERMITS : 1;
        long started = System.nanoTime();
        if (!permits.tryAcquire(wanted, bound.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("waited " + bound.toSeconds() + " s for the machine " + (alone
                    ? "to be free of other scenarios" : "while a scenario that measures it runs alone")
                    + ", and gave up: a scenario before this one runs far longer than any scenario should");
        }
        return new Pass(wanted, Duration.ofNanos(System.nanoTime() - started));
    }

    /** How many scenarios use the machine now (a scenario alone counts as all of it: -1). */
    public int inUse() {
        int used = PERMITS - permits.availablePermits();
        return used == PERMITS ? -1 : used;
    }

    /** How many scenarios wait at the gate. */
    int queueLength() {
        return permits.getQueueLength();
    }

    /** A scenario's right to the machine, until it is closed (once; closing again does nothing). */
    public final class Pass implements AutoCloseable {
        private final int held;
        private final Duration waited;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Pass(int held, Duration waited) {
            this.held = held;
            this.waited = waited;
        }

        /** How long the scenario waited at the gate. */
        public Duration waited() {
            return waited;
        }

        public boolean alone() {
            return held == PERMITS;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                permits.release(held);
            }
        }
    }
}
