package io.github.chatcluster.consistency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.github.chatcluster.isolation.Mop;
import io.github.chatcluster.isolation.Txn;

/**
 * A consistency history as the isolation checker's transactions: each write of announcement n appends n to room A's key
 * and to room B's key (ok when acknowledged; of unknown outcome when its error is of SQLSTATE class 08, a lost
 * connection, since the COMMIT may have landed; failed otherwise); each ok read of both rooms reads both keys as sets
 * (the announcements a room holds have no order of their own, and with two writers their numbers are not the order of
 * their commits). Failed reads are left out: they saw nothing. "follow" reads are left out too: each reads one
 * announcement, not the room, so its result is no state of the room. Each transaction's process is its client;
 * times are nanoseconds since the history's first operation began; ids are positions in the list.
 */
public final class AnnouncementTxns {

    private AnnouncementTxns() {
    }

    /** Every write, and the ok reads ("read ...") of the clients {@code readers} accepts. */
    public static List<Txn> of(List<History.Operation> history, long keyA, long keyB, Predicate<String> readers) {
        Instant origin = history.stream().map(History.Operation::began).min(Instant::compareTo).orElse(Instant.EPOCH);
        List<Txn> txns = new ArrayList<>();
        for (History.Operation op : history) {
            List<Mop> mops;
            Txn.Outcome outcome;
            if (op.kind().equals("write")) {
                mops = List.of(new Mop.Append(keyA, op.announcement()), new Mop.Append(keyB, op.announcement()));
                outcome = outcome(op.outcome());
            } else if (isRead(op) && op.ok() && readers.test(op.client())) {
                mops = List.of(new Mop.ReadSet(keyA, op.seenA()), new Mop.ReadSet(keyB, op.seenB()));
                outcome = Txn.Outcome.OK;
            } else {
                continue;
            }
            txns.add(new Txn(txns.size(), op.client(), outcome, mops, nanos(origin, op.began()), nanos(origin, op.ended())));
        }
        return txns;
    }

    /** Whether the operation is a read of both rooms (not a "follow" read of one announcement, not a write). */
    public static boolean isRead(History.Operation op) {
        return op.kind().startsWith("read");
    }

    /** A write's outcome: "ok"; "error: 08... ..." (the connection was lost: unknown); any other error (failed). */
    static Txn.Outcome outcome(String outcome) {
        if ("ok".equals(outcome)) {
            return Txn.Outcome.OK;
        }
        return outcome.startsWith("error: 08") ? Txn.Outcome.INFO : Txn.Outcome.FAIL;
    }

    private static long nanos(Instant origin, Instant at) {
        return Duration.between(origin, at).toNanos();
    }
}
