package io.github.chatcluster.isolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.chatcluster.isolation.Mop.Append;
import io.github.chatcluster.isolation.Mop.Read;
import io.github.chatcluster.isolation.Mop.ReadSet;
import io.github.chatcluster.isolation.Txn.Outcome;

/**
 * Internal consistency: a transaction's reads of a key show its own earlier appends to it, after what it read before.
 * A later list read of a key starts with the earlier one and ends with the appends made since; a later set read holds
 * the earlier one and the appends made since. (Under read committed, other transactions' commits may come between the
 * two; under snapshot isolation they may not, which the cycles show.)
 */
final class InternalReads {

    private InternalReads() {
    }

    /** The committed transactions that do not read their own appends or their own earlier reads, explained. */
    static List<Anomaly> check(List<Txn> history) {
        List<Anomaly> found = new ArrayList<>();
        for (Txn t : history) {
            if (t.outcome() != Outcome.OK) {
                continue;
            }
            Map<Long, List<Long>> known = new HashMap<>();   // its appends to a key since it last read it
            Map<Long, List<Long>> read = new HashMap<>();     // what it last read of a key, as a list
            Map<Long, Set<Long>> readSet = new HashMap<>();   // what it last read of a key, as a set
            for (Mop m : t.mops()) {
                if (m instanceof Append a) {
                    known.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a.value());
                } else if (m instanceof Read r && r.values() != null) {
                    List<Long> own = known.get(r.key());
                    List<Long> before = read.get(r.key());
                    boolean ok = (own == null || endsWith(r.values(), own))
                            && (before == null || r.values().size() >= before.size() && r.values().subList(0, before.size()).equals(before));
                    if (!ok) {
                        found.add(new Anomaly(Anomaly.Kind.INTERNAL, List.of(t.id()), t + ": its read of key " + r.key() + " = "
                                + r.values() + (before == null ? "" : " does not start with its earlier read " + before + " or")
                                + " does not end with its own appends " + (own == null ? "[]" : own)));
                    }
                    known.remove(r.key());
                    read.put(r.key(), r.values());
                } else if (m instanceof ReadSet r && r.values() != null) {
                    List<Long> own = known.getOrDefault(r.key(), List.of());
                    Set<Long> before = readSet.getOrDefault(r.key(), Set.of());
                    if (!r.values().containsAll(own) || !r.values().containsAll(before)) {
                        found.add(new Anomaly(Anomaly.Kind.INTERNAL, List.of(t.id()), t + ": its read of key " + r.key() + " = "
                                + Mop.inRanges(r.values()) + " does not hold its earlier read " + Mop.inRanges(before)
                                + " or its own appends " + own));
                    }
                    known.remove(r.key());
                    readSet.put(r.key(), r.values());
                }
            }
        }
        return found;
    }

    private static boolean endsWith(List<Long> list, List<Long> suffix) {
        return list.size() >= suffix.size() && list.subList(list.size() - suffix.size(), list.size()).equals(suffix);
    }
}
