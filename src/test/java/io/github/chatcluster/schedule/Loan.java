package io.github.chatcluster.schedule;

import java.time.Duration;
import java.util.Locale;

/**
 * Places that a quiet scenario lends ({@link Pass#lend}) until it wants them back (its due time), to scenarios expected
 * to end before then. The gate counts them free for those alone, so a loan delays no one who waits. The gate's lock
 * guards its counts.
 */
public final class Loan {
    private final MachineGate gate;
    final int places;
    final long dueNanos;
    int inUse;
    int borrowers;
    /** Whether the scenario that lent it has ended: its borrowers then give their places to the machine. */
    boolean lenderEnded;
    private Duration waitedForThem = Duration.ZERO;

    Loan(MachineGate gate, int places, long dueNanos) {
        this.gate = gate;
        this.places = places;
        this.dueNanos = dueNanos;
    }

    /**
     * Takes the places back: no one borrows them any more, and it waits (at most {@code bound}) for the scenarios that
     * borrowed them and run beyond their expected time.
     */
    public void takeBack(Duration bound) throws InterruptedException {
        Duration waited = gate.takeBack(this, bound);
        synchronized (gate) {
            waitedForThem = waited;
        }
    }

    /** What was lent, to how many, and how long taking them back waited. */
    public String describe() {
        synchronized (gate) {
            return String.format(Locale.ROOT, "lent %d of its places to %d scenario(s) while quiet; had them back %.1f s after it wanted them",
                    places, borrowers, waitedForThem.toMillis() / 1000.0);
        }
    }
}
