package io.github.chatcluster.isolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.chatcluster.isolation.Anomaly.Kind;
import io.github.chatcluster.isolation.Mop.Append;
import io.github.chatcluster.isolation.Mop.Read;
import io.github.chatcluster.isolation.Mop.ReadSet;
import io.github.chatcluster.isolation.VersionOrders.Order;
import io.github.chatcluster.isolation.VersionOrders.Reading;
import io.github.chatcluster.isolation.Txn.Outcome;

/**
 * Checks a list-append history the way Jepsen's Elle does (Kingsbury and Alvaro, VLDB 2020): every append's value is
 * unique to its key, so the longest read of a key gives the key's version order, and each read says which appends it
 * saw. A key may instead be read as a grow-only set (which values it holds, in no order): its nested reads then give
 * the order in layers ({@link VersionOrders}). From that come the dependencies between transactions (write-write, write-read, read-write) and their cycles, which
 * are Adya's anomalies; the reads alone show aborted, intermediate, garbage and duplicated values, and transactions
 * that do not see their own appends. Failed transactions are known not to have happened; transactions of unknown
 * outcome count as committed where a read saw one of their appends.
 */
public final class ListAppendChecker {

    /** Examples kept per class of anomaly; the count of each class is kept whole. */
    static final int EXAMPLES = 3;

    private final List<Txn> history;
    private final Set<Integer> finalReads;
    private final Map<Integer, Integer> indexOf = new HashMap<>();
    /** key -> value -> the transaction (ok or unknown) that appended it. */
    private final Map<Long, Map<Long, Txn>> appendedBy = new HashMap<>();
    /** key -> value -> the failed transaction that appended it. */
    private final Map<Long, Map<Long, Txn>> failedAppends = new HashMap<>();
    private final Map<Kind, Integer> counts = new TreeMap<>();
    private final Map<Kind, List<Anomaly>> examples = new LinkedHashMap<>();

    private ListAppendChecker(List<Txn> history, Set<Integer> finalReads) {
        this.history = history;
        this.finalReads = finalReads;
    }

    /** Checks a history with no final reads (lost appends are then not looked for). */
    public static ListAppendReport check(List<Txn> history) {
        return check(history, Set.of());
    }

    /** @param finalReads ids of the transactions that read keys after every writer had stopped */
    public static ListAppendReport check(List<Txn> history, Set<Integer> finalReads) {
        return new ListAppendChecker(history, finalReads).run();
    }

    private ListAppendReport run() {
        for (int i = 0; i < history.size(); i++) {
            indexOf.put(history.get(i).id(), i);
        }
        indexAppends();
        Map<Long, List<Reading>> reads = readsByKey();
        InternalReads.check(history).forEach(a -> found(a.kind(), a.txns(), a.explanation()));
        DependencyGraph graph = new DependencyGraph(history.size());
        for (Map.Entry<Long, List<Reading>> e : reads.entrySet()) {
            VersionOrders.Result result = VersionOrders.of(e.getKey(), e.getValue(), appendedBy.getOrDefault(e.getKey(), Map.of()));
            Order order = result instanceof Order o ? o : null;
            if (result instanceof VersionOrders.Incompatible i) {
                found(Kind.INCOMPATIBLE_ORDER, i.txns(), i.explanation());
            }
            // every read saw some of the order's first layers: the layers hold every value any read saw
            checkValues(e.getKey(), order != null ? List.of(new Reading(null, order.seenValues(), null)) : e.getValue(), e.getValue());
            checkIntermediate(e.getKey(), e.getValue(), order);
            if (order != null) {
                KeyDependencies.add(graph, e.getKey(), order, e.getValue(), appendedBy.getOrDefault(e.getKey(), Map.of()), indexOf);
            }
            lostAppends(e.getKey(), e.getValue()); // needs only the final reads, whether the reads agree on an order or not
        }
        Set<Integer> cyclic = CycleSearch.of(graph, history, this::found);
        List<Anomaly> all = new ArrayList<>();
        examples.values().forEach(all::addAll);
        Set<Kind> kinds = counts.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(counts.keySet());
        kinds.remove(Kind.LOST_APPEND);
        int ok = (int) history.stream().filter(t -> t.outcome() == Outcome.OK).count();
        int failed = (int) history.stream().filter(t -> t.outcome() == Outcome.FAIL).count();
        return new ListAppendReport(List.copyOf(all), Map.copyOf(counts), Level.consistentWith(kinds), ok, failed,
                history.size() - ok - failed, graph.edges(), cyclic);
    }

    private void indexAppends() {
        for (Txn t : history) {
            Map<Long, Map<Long, Txn>> into = t.outcome() == Outcome.FAIL ? failedAppends : appendedBy;
            for (Mop m : t.mops()) {
                if (m instanceof Append a) {
                    Txn before = into.computeIfAbsent(a.key(), k -> new HashMap<>()).put(a.value(), t);
                    if (before != null && before != t) {
                        throw new IllegalArgumentException("the value " + a.value() + " was appended to key " + a.key()
                                + " twice (" + before + ", " + t + "): a list-append history needs values unique to their key");
                    }
                }
            }
        }
    }

    private Map<Long, List<Reading>> readsByKey() {
        Map<Long, List<Reading>> reads = new TreeMap<>();
        for (Txn t : history) {
            if (t.outcome() != Outcome.OK) {
                continue;
            }
            for (Mop m : t.mops()) {
                if (m instanceof Read r && r.values() != null) {
                    reads.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new Reading(t, r.values(), null));
                } else if (m instanceof ReadSet r && r.values() != null) {
                    reads.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new Reading(t, List.copyOf(r.values()), r.values()));
                }
            }
        }
        return reads;
    }

    /**
     * Duplicates, garbage and aborted reads (G1a) in the values read of a key: {@code lists} is the key's version order
     * when the reads agree on one (it holds every value they saw), or every read when they do not.
     */
    private void checkValues(long key, List<Reading> lists, List<Reading> reads) {
        for (Reading list : lists) {
            Set<Long> seen = new HashSet<>();
            for (long v : list.values()) {
                boolean duplicate = !seen.add(v);
                boolean appended = appendedBy.getOrDefault(key, Map.of()).containsKey(v);
                if (!duplicate && appended) {
                    continue; // the usual case: no read to show (finding it for every value took 9 % of the test JVM's CPU)
                }
                Reading r = list.txn() != null ? list : firstReadOf(reads, v);
                if (duplicate) {
                    found(Kind.DUPLICATE, List.of(r.txn().id()), r.txn() + " read key " + key + " = " + r.shown()
                            + ": the value " + v + " twice, though it was appended once");
                }
                if (appended) {
                    continue;
                }
                Txn failed = failedAppends.getOrDefault(key, Map.of()).get(v);
                if (failed != null) {
                    found(Kind.G1A, List.of(failed.id(), r.txn().id()), r.txn() + " read key " + key + " = " + r.shown()
                            + ", which holds " + v + ", appended by " + failed + ", which failed: it never happened");
                } else {
                    found(Kind.GARBAGE, List.of(r.txn().id()), r.txn() + " read key " + key + " = " + r.shown()
                            + ", which holds " + v + ", a value no transaction appended");
                }
            }
        }
    }

    /** The first read that saw the value (the one an anomaly in the version order is shown with). */
    private static Reading firstReadOf(List<Reading> reads, long v) {
        for (Reading r : reads) {
            if (r.saw(v)) {
                return r;
            }
        }
        throw new IllegalStateException("no read saw " + v);
    }

    /**
     * Intermediate reads (G1b): a read by another transaction that ends inside one transaction's appends to the key,
     * having seen some of them and not the rest. Appends are atomic, so a read that saw the first must see the second.
     * A list read is looked at where it ends (its last value); a set read at the values of the last layer of the order
     * it saw (each layer is where some read ended), or at every value when the key has no order.
     */
    private void checkIntermediate(long key, List<Reading> reads, Order order) {
        for (int i = 0; i < reads.size(); i++) {
            Reading r = reads.get(i);
            if (r.values().isEmpty()) {
                continue;
            }
            List<Long> looked = !r.isSet() ? List.of(r.values().get(r.values().size() - 1))
                    : order == null ? r.values() : order.layers().get(order.depth()[i] - 1);
            for (long v : looked) {
                Txn writer = appendedBy.getOrDefault(key, Map.of()).get(v);
                if (writer == null || writer == r.txn()) {
                    continue;
                }
                List<Long> writes = appendsOf(writer, key);
                int at = writes.indexOf(v);
                Long missed = !r.isSet() ? (at >= 0 && at < writes.size() - 1 ? writes.get(at + 1) : null)
                        : writes.stream().filter(w -> !r.saw(w)).findFirst().orElse(null);
                if (missed != null) {
                    found(Kind.G1B, List.of(writer.id(), r.txn().id()), r.txn() + " read key " + key + " = " + r.shown()
                            + ": it saw " + v + " but not " + missed + ", which " + writer
                            + " appended " + (r.isSet() ? "in" : "after it in") + " the same transaction: an intermediate state");
                    break;
                }
            }
        }
    }

    /** Acknowledged appends to a key missing from its longest final read. */
    private void lostAppends(long key, List<Reading> readings) {
        Reading last = null;
        for (Reading r : readings) {
            if (finalReads.contains(r.txn().id()) && (last == null || r.values().size() > last.values().size())) {
                last = r;
            }
        }
        if (last == null) {
            return;
        }
        Set<Long> seen = new HashSet<>(last.values());
        for (Map.Entry<Long, Txn> e : new TreeMap<>(appendedBy.getOrDefault(key, Map.of())).entrySet()) {
            if (e.getValue().outcome() == Outcome.OK && !seen.contains(e.getKey())) {
                found(Kind.LOST_APPEND, List.of(e.getValue().id()), e.getValue() + " was acknowledged, and its append of "
                        + e.getKey() + " to key " + key + " is not in the final read " + last.shown());
            }
        }
    }

    private void found(Kind kind, Collection<Integer> txns, String explanation) {
        counts.merge(kind, 1, Integer::sum);
        List<Anomaly> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES) {
            list.add(new Anomaly(kind, List.copyOf(txns), explanation));
        }
    }

    private static List<Long> appendsOf(Txn t, long key) {
        List<Long> values = new ArrayList<>();
        for (Mop m : t.mops()) {
            if (m instanceof Append a && a.key() == key) {
                values.add(a.value());
            }
        }
        return values;
    }
}
