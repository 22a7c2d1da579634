package io.github.chatcluster.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the final reads (every key read through each coordinator after the clients stopped) say of convergence: the
 * keys read, and those whose lists were not the same through every entry point.
 */
public final class FinalReads {

    /** How many keys were read, and, for each key whose reads differ, the lists read through each entry point. */
    public record Agreement(int keys, int entries, List<String> disagreements) {
        public boolean agree() {
            return disagreements.isEmpty();
        }

        @Override
        public String toString() {
            return keys + " keys read through " + entries + " entry points: " + (disagreements.isEmpty() ? "the same lists through each"
                    : disagreements.size() + " read differently, first " + disagreements.get(0));
        }
    }

    private FinalReads() {
    }

    /** Compares, key by key, the final reads (by id) of the history; a read that failed counts as a disagreement. */
    public static Agreement compare(List<Txn> history, Set<Integer> finalReads) {
        Map<Long, Map<String, String>> byKey = new TreeMap<>();
        Set<String> entries = new java.util.TreeSet<>();
        for (Txn t : history) {
            if (!finalReads.contains(t.id())) {
                continue;
            }
            entries.add(t.process());
            for (Mop m : t.mops()) {
                String seen = t.outcome() == Txn.Outcome.OK && m instanceof Mop.Read r && r.values() != null ? r.values().toString() : "failed";
                byKey.computeIfAbsent(m.key(), k -> new TreeMap<>()).put(t.process(), seen);
            }
        }
        List<String> disagreements = new ArrayList<>();
        byKey.forEach((key, seen) -> {
            if (seen.size() < entries.size() || seen.containsValue("failed") || new java.util.HashSet<>(seen.values()).size() > 1) {
                disagreements.add("key " + key + ": " + seen);
            }
        });
        return new Agreement(byKey.size(), entries.size(), List.copyOf(disagreements));
    }
}
