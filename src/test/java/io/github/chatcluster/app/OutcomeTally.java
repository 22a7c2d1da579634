package io.github.chatcluster.app;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How the writes of a scenario ended, counted: refused (by SQLSTATE), unknown, resolved, and the retries. Thread-safe. */
public final class OutcomeTally {

    private final AtomicInteger unknownOutcomes = new AtomicInteger();
    private final AtomicInteger unknownThatHadCommitted = new AtomicInteger();
    private final AtomicInteger unknownResolved = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final Map<String, AtomicInteger> refusedBySqlState = new ConcurrentHashMap<>();
    /** A tally that counts everything this one counts too (the scenario's, for one client's), or null. */
    private final OutcomeTally whole;
    /** Told of every failed attempt of a write, with its error (one client's timeline), or null. */
    private final java.util.function.Consumer<ChatDatabaseException> attempts;

    public OutcomeTally() {
        this(null, null);
    }

    private OutcomeTally(OutcomeTally whole, java.util.function.Consumer<ChatDatabaseException> attempts) {
        this.whole = whole;
        this.attempts = attempts;
    }

    /** A tally of one client's writes, each counted in this one too. */
    public OutcomeTally part() {
        return new OutcomeTally(this, null);
    }

    /** A tally of one client's writes, each counted in this one too; every failed attempt is passed on as it happens. */
    public OutcomeTally part(java.util.function.Consumer<ChatDatabaseException> failedAttempts) {
        return new OutcomeTally(this, failedAttempts);
    }

    /** One attempt of a write failed (it may be retried). */
    public void failedAttempt(ChatDatabaseException e) {
        if (attempts != null) {
            attempts.accept(e);
        }
    }

    /** A write whose outcome the client did not learn: its connection was lost, or its coordinator died, during COMMIT. */
    public void unknownOutcome() {
        unknownOutcomes.incrementAndGet();
        if (whole != null) {
            whole.unknownOutcome();
        }
    }

    /** A write with an unknown outcome was written again and acknowledged; {@code hadCommitted}: it found itself stored. */
    public void unknownResolved(boolean hadCommitted) {
        unknownResolved.incrementAndGet();
        if (hadCommitted) {
            unknownThatHadCommitted.incrementAndGet();
        }
        if (whole != null) {
            whole.unknownResolved(hadCommitted);
        }
    }

    /** One more attempt of a write that had failed. */
    public void retry() {
        retries.incrementAndGet();
        if (whole != null) {
            whole.retry();
        }
    }

    /** A write the database refused (it did not happen), after any retries. */
    public void refused(String sqlState) {
        refusedBySqlState.computeIfAbsent(String.valueOf(sqlState), s -> new AtomicInteger()).incrementAndGet();
        if (whole != null) {
            whole.refused(sqlState);
        }
    }

    public int refusedWrites() {
        return refusedBySqlState.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Refused writes by SQLSTATE, in SQLSTATE order. */
    public Map<String, Integer> refusedBySqlState() {
        Map<String, Integer> bySqlState = new TreeMap<>();
        refusedBySqlState.forEach((state, count) -> bySqlState.put(state, count.get()));
        return bySqlState;
    }

    public int retries() {
        return retries.get();
    }

    public int unknownOutcomes() {
        return unknownOutcomes.get();
    }

    public int unknownResolved() {
        return unknownResolved.get();
    }

    public int unknownThatHadCommitted() {
        return unknownThatHadCommitted.get();
    }

    @Override
    public String toString() {
        String refused = refusedWrites() == 0 ? "no write refused" : refusedWrites() + " writes refused " + refusedBySqlState();
        String unknown = unknownOutcomes() == 0 ? "no write with an unknown outcome"
                : unknownOutcomes() + " writes with an unknown outcome (written again with the same id: " + unknownResolved()
                        + ", of which " + unknownThatHadCommitted() + " found themselves already stored)";
        return refused + "; " + unknown + "; " + retries() + " retries in all";
    }
}
