package io.github.chatcluster.schedule;

import java.time.Duration;
import java.util.Optional;

/** A scenario's places on the machine ({@link MachineGate}), until it is closed (once; closing again does nothing). */
public final class Pass implements AutoCloseable {
    private final MachineGate gate;
    final String who;
    final int held;
    private final Duration waited;
    final Optional<Duration> expected;
    final long startedNanos;
    private final boolean wentAhead;
    /** The loan it runs on; null when it runs on places of its own. */
    final Loan loan;
    /** The loans it made (guarded by the gate). */
    final java.util.List<Loan> loansMade = new java.util.ArrayList<>();
    boolean closed;

    Pass(MachineGate gate, String who, int held, Duration waited, Optional<Duration> expected, long startedNanos, boolean wentAhead, Loan loan) {
        this.gate = gate;
        this.who = who;
        this.held = held;
        this.waited = waited;
        this.expected = expected;
        this.startedNanos = startedNanos;
        this.wentAhead = wentAhead;
        this.loan = loan;
    }

    /** The places of its own that borrowers are on now (under the gate's lock). */
    int lentAndInUse() {
        return loansMade.stream().mapToInt(l -> l.inUse).sum();
    }

    /** How long the scenario waited at the gate. */
    public Duration waited() {
        return waited;
    }

    /** Whether the scenario has the machine to itself. */
    public boolean alone() {
        return held == gate.places();
    }

    public int held() {
        return held;
    }

    /** Whether it started ahead of a scenario that waited before it (without delaying it, as far as expected). */
    public boolean wentAhead() {
        return wentAhead;
    }

    /** Whether it runs on places that a quiet scenario lent it. */
    public boolean borrowed() {
        return loan != null;
    }

    /**
     * Lends all these places, for {@code quiet}, to scenarios expected to end before then; {@link Loan#takeBack}
     * has them back. Lends none when the scenario runs on borrowed ones.
     */
    public Loan lend(Duration quiet) {
        return gate.lend(this, quiet.toNanos());
    }

    @Override
    public void close() {
        synchronized (gate) {
            if (closed) {
                return;
            }
            closed = true;
        }
        gate.release(this);
    }
}
