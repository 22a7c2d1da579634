package io.github.chatcluster.consistency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the reads of a history show about transactions that write one announcement to each of two rooms: a read that
 * sees an announcement in one room and not in the other is fractured (it saw half a transaction); a read that sees one
 * transaction's half in room A only and another's in room B only has halves no serial order explains (each would
 * have to have committed before the other). And per write: whether the first read of it through the other coordinator
 * that began after its acknowledgement saw both halves.
 */
public final class FracturedReads {

    /** The counts for one kind of read (by client), with the first fractured read as an example. */
    public record Counts(String reader, int reads, int failed, int fractured, int crossed, History.Operation example) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: %d reads (%d failed), %d fractured, %d with crossed halves", reader,
                    reads, failed, fractured, crossed);
        }
    }

    private FracturedReads() {
    }

    /** Whether the read saw an announcement in one room and not in the other. */
    public static boolean fractured(Set<Long> a, Set<Long> b) {
        return !a.equals(b);
    }

    /** Whether the read saw one announcement in room A only and another in room B only. */
    public static boolean crossed(Set<Long> a, Set<Long> b) {
        Set<Long> onlyA = new TreeSet<>(a);
        onlyA.removeAll(b);
        Set<Long> onlyB = new TreeSet<>(b);
        onlyB.removeAll(a);
        return !onlyA.isEmpty() && !onlyB.isEmpty();
    }

    /** The counts per reading client (kinds "read ..."), in the order they first appear. */
    public static List<Counts> byReader(List<History.Operation> history) {
        Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        Map<String, History.Operation> examples = new TreeMap<>();
        for (History.Operation op : history) {
            if (!op.kind().startsWith("read")) {
                continue;
            }
            int[] c = counts.computeIfAbsent(op.client(), k -> new int[4]);
            c[0]++;
            if (!op.ok()) {
                c[1]++;
                continue;
            }
            if (fractured(op.seenA(), op.seenB())) {
                c[2]++;
                examples.putIfAbsent(op.client(), op);
            }
            if (crossed(op.seenA(), op.seenB())) {
                c[3]++;
            }
        }
        List<Counts> result = new ArrayList<>();
        counts.forEach((client, c) -> result.add(new Counts(client, c[0], c[1], c[2], c[3], examples.get(client))));
        return result;
    }

    /** The acknowledged writes, by announcement, with when each was acknowledged. */
    public static Map<Long, Instant> acknowledged(List<History.Operation> history) {
        Map<Long, Instant> acks = new TreeMap<>();
        history.stream().filter(op -> op.kind().equals("write") && op.ok()).forEach(op -> acks.put(op.announcement(), op.ended()));
        return acks;
    }

    /**
     * The acknowledged announcements that a "follow" read (a read of that one announcement, begun after its
     * acknowledgement, through the other coordinator) did not see in both rooms; and how many were followed.
     */
    public record Followed(int followed, List<Long> missed) {
    }

    public static Followed followed(List<History.Operation> history) {
        int followed = 0;
        List<Long> missed = new ArrayList<>();
        Map<Long, Instant> acks = acknowledged(history);
        for (History.Operation op : history) {
            if (!op.kind().equals("follow") || !op.ok()) {
                continue;
            }
            Instant ack = acks.get(op.announcement());
            if (ack == null || op.began().isBefore(ack)) {
                continue; // not a read that began after the acknowledgement
            }
            followed++;
            if (!op.seenA().contains(op.announcement()) || !op.seenB().contains(op.announcement())) {
                missed.add(op.announcement());
            }
        }
        return new Followed(followed, missed);
    }
}
