package io.github.chatcluster.isolation;

import java.util.List;

/**
 * One transaction of a list-append history, as it completed: ok (committed, its reads' values known), fail (known not
 * to have happened) or info (unknown outcome: the connection was lost at COMMIT, or the coordinator died during it). {@code id} is its index in the
 * history; {@code process} the client that ran it; times in nanoseconds; {@code error} what a failed or unknown one
 * was told (its SQLSTATE and first line), or null.
 */
public record Txn(int id, String process, Outcome outcome, List<Mop> mops, long invokedNanos, long completedNanos, String error) {

    public enum Outcome { OK, FAIL, INFO }

    public Txn {
        mops = List.copyOf(mops);
    }

    /** A transaction with no error recorded. */
    public Txn(int id, String process, Outcome outcome, List<Mop> mops, long invokedNanos, long completedNanos) {
        this(id, process, outcome, mops, invokedNanos, completedNanos, null);
    }

    /** A transaction with no times (hand-built histories). */
    public static Txn of(int id, Outcome outcome, Mop... mops) {
        return new Txn(id, "p" + id, outcome, List.of(mops), id, id);
    }

    @Override
    public String toString() {
        return "T" + id + " (" + process + ", " + outcome.name().toLowerCase(java.util.Locale.ROOT)
                + (error == null ? "" : " with " + error) + ": " + mops + ")";
    }
}
