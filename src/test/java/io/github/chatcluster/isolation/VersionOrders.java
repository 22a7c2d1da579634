package io.github.chatcluster.isolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.chatcluster.isolation.Txn.Outcome;

/**
 * The version order of one key, inferred from its reads, as LAYERS: every value of a layer was appended before every
 * value of the next, and the values within one layer have no known order. Reads of a list: the longest read is the
 * order, one value a layer, and every other read must be a prefix of it. Reads of a grow-only set: the distinct sets
 * read, by size, must be nested (each holds the one before); layer i is what set i holds beyond set i - 1; then the
 * acknowledged appends no read saw form one last layer (they were appended after the largest state read, since a
 * committed append is in every later state). Each read saw the first {@code depth} layers whole and none of the rest.
 * Reads that break this (no prefix, or sets not nested) disagree on the order: the key is incompatible.
 */
final class VersionOrders {

    private VersionOrders() {
    }

    /** A read of a key by a committed transaction: the values it saw, in order (a list read, {@code set} null) or not. */
    record Reading(Txn txn, List<Long> values, Set<Long> set) {
        boolean isSet() {
            return set != null;
        }

        boolean saw(long v) {
            return set != null ? set.contains(v) : values.contains(v);
        }

        /** The values as read: a list as it is, a set in ascending runs. */
        String shown() {
            return set != null ? Mop.inRanges(set) : values.toString();
        }
    }

    /** What the reads of a key say of its order: the layers, or why there is none. */
    sealed interface Result permits Order, Incompatible {
    }

    /**
     * @param layers values, a layer each step of the order
     * @param seen   how many of the layers some read saw (the others: acknowledged appends no read saw)
     * @param depth  for each read, in the order given, how many layers it saw
     */
    record Order(List<List<Long>> layers, int seen, int[] depth) implements Result {
        /** Every value some read saw, layer after layer. */
        List<Long> seenValues() {
            List<Long> all = new ArrayList<>();
            layers.subList(0, seen).forEach(all::addAll);
            return all;
        }
    }

    /** The reads disagree: the transactions shown, and why in words. */
    record Incompatible(List<Integer> txns, String explanation) implements Result {
    }

    /**
     * @param readings the key's reads (all of lists, or all of sets)
     * @param appended the key's values and the transaction (ok or unknown outcome) that appended each
     */
    static Result of(long key, List<Reading> readings, Map<Long, Txn> appended) {
        boolean sets = readings.get(0).isSet();
        for (Reading r : readings) {
            if (r.isSet() != sets) {
                throw new IllegalArgumentException("key " + key + " is read both as a list and as a set (" + readings.get(0).txn()
                        + ", " + r.txn() + "): its reads must be of one kind");
            }
        }
        return sets ? ofSets(key, readings, appended) : ofLists(key, readings);
    }

    private static Result ofLists(long key, List<Reading> readings) {
        List<Long> longest = List.of();
        for (Reading r : readings) {
            if (r.values().size() > longest.size()) {
                longest = r.values();
            }
        }
        int[] depth = new int[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (!longest.subList(0, Math.min(longest.size(), r.values().size())).equals(r.values())) {
                return new Incompatible(List.of(r.txn().id()), "key " + key + ": " + r.txn() + " read " + r.values()
                        + ", which is no prefix of " + longest + ", read elsewhere: the reads disagree on the order of the appends");
            }
            depth[i] = r.values().size();
        }
        List<List<Long>> layers = longest.stream().map(List::of).toList();
        return new Order(layers, layers.size(), depth);
    }

    private static Result ofSets(long key, List<Reading> readings, Map<Long, Txn> appended) {
        // the distinct sets read, smallest first, each with the first read that saw it
        Map<Set<Long>, Reading> distinct = new LinkedHashMap<>();
        readings.forEach(r -> distinct.putIfAbsent(r.set(), r));
        List<Set<Long>> bySize = new ArrayList<>(distinct.keySet());
        bySize.sort(Comparator.comparingInt(Set::size));
        Map<Set<Long>, Integer> depthOf = new java.util.HashMap<>();
        List<List<Long>> layers = new ArrayList<>();
        Set<Long> before = Set.of();
        for (Set<Long> s : bySize) {
            if (!s.containsAll(before)) {
                return new Incompatible(List.of(distinct.get(before).txn().id(), distinct.get(s).txn().id()),
                        notNested(key, distinct.get(before), distinct.get(s)));
            }
            if (s.size() > before.size()) {
                Set<Long> layer = new TreeSet<>(s);
                layer.removeAll(before);
                layers.add(List.copyOf(layer));
            }
            depthOf.put(s, layers.size());
            before = s;
        }
        int seen = layers.size();
        Set<Long> unseen = new TreeSet<>();
        for (Map.Entry<Long, Txn> e : appended.entrySet()) {
            if (e.getValue().outcome() == Outcome.OK && !before.contains(e.getKey())) {
                unseen.add(e.getKey());
            }
        }
        if (!unseen.isEmpty()) {
            layers.add(List.copyOf(unseen));
        }
        int[] depth = new int[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            depth[i] = depthOf.get(readings.get(i).set());
        }
        return new Order(List.copyOf(layers), seen, depth);
    }

    private static String notNested(long key, Reading one, Reading other) {
        return "key " + key + ": " + one.txn() + " read " + one.shown() + " and " + other.txn() + " read " + other.shown()
                + "; neither holds the other (only the first saw " + Mop.inRanges(minus(one.set(), other.set()))
                + ", only the second " + Mop.inRanges(minus(other.set(), one.set())) + "), yet a grow-only set's states"
                + " follow one another, each holding the last: the reads disagree on the order of the appends";
    }

    private static Set<Long> minus(Collection<Long> a, Collection<Long> b) {
        Set<Long> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }
}
