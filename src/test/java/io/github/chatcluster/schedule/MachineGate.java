package io.github.chatcluster.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.chatcluster.cluster.ClusterParallelism;

/**
 * Who may use the machine, and how much of it: the machine has as many places as the run's capacity
 * ({@link io.github.chatcluster.machine.MachineCapacity}); a scenario takes one, a heavy one ({@code @heavy}) more, and
 * one that measures the machine ({@code @benchmark}) all of them. First come, first served: once a scenario waits, the
 * scenarios that come after it wait behind it, so it waits only until the scenarios already running end (JUnit's
 * exclusive resources let the others barge in ahead of it: in one measured run two @benchmark scenarios waited 46 s
 * while others kept starting).
 */
public final class MachineGate {

    private static volatile MachineGate run;

    private final int places;
    private final Semaphore permits;
    private final Map<Pass, String> holders = new ConcurrentHashMap<>();

    MachineGate(int places) {
        this.places = places;
        this.permits = new Semaphore(places, true);
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

    /** Waits (at most {@code bound}) until the scenario may take {@code weight} places (all of them at most). */
    public Pass enter(String who, int weight, Duration bound) throws InterruptedException {
        int wanted = Math.max(1, Math.min(places, weight));
        long started = System.nanoTime();
        if (!permits.tryAcquire(wanted, bound.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("waited " + bound.toSeconds() + " s for " + wanted + " of the machine's " + places
                    + " places, and gave up: a scenario before this one runs far longer than any scenario should; running: " + running());
        }
        Pass pass = new Pass(wanted, Duration.ofNanos(System.nanoTime() - started));
        holders.put(pass, who);
        return pass;
    }

    /** How many places are taken now. */
    public int inUse() {
        return places - permits.availablePermits();
    }

    public int places() {
        return places;
    }

    /** The scenarios that hold places now, each with how many. */
    public List<String> running() {
        return holders.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey().held + " of " + places + ")").sorted().toList();
    }

    /** How many scenarios wait at the gate. */
    int queueLength() {
        return permits.getQueueLength();
    }

    /** A scenario's places on the machine, until it is closed (once; closing again does nothing). */
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

        /** Whether the scenario has the machine to itself. */
        public boolean alone() {
            return held == places;
        }

        public int held() {
            return held;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                holders.remove(this);
                permits.release(held);
            }
        }
    }
}
