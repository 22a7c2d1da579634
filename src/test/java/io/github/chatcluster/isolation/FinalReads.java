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

    /**
     * How many keys were read; for each key whose reads differ (or that one entry point did not read), the lists read
     * through each entry point; and the reads that failed, which show nothing either way.
     */
    public record Agreement(int keys, int entries, List<String> disagreements, int failedReads) {
        public boolean agree() {
            return disagreements.isEmpty();
        }

        @Override
        public String toString() {
            return keys + " keys read through " + entries + " entry points: " + (disagreements.isEmpty() ? "the same lists through each"
                    : disagreements.size() + " read differently, first " + disagreements.get(0))
                    + (failedReads == 0 ? "" : "; " + failedReads + " final reads failed");
        }
    }

    private static final String FAILED = "failed";

    private FinalReads() {
    }

    /** Compares, key by key, the final reads (by id) of the history; a read that failed is counted apart. */
    public static Agreement compare(List<Txn> history, Set<Integer> finalReads) {
        Map<Long, Map<String, String>> byKey = new TreeMap<>();
        Set<String> entries = new java.util.TreeSet<>();
        int failed = 0;
        for (Txn t : history) {
            if (!finalReads.contains(t.id())) {
                continue;
            }
            entries.add(t.process());
            for (Mop m : t.mops()) {
                Map<String, String> seen = byKey.computeIfAbsent(m.key(), k -> new TreeMap<>());
                if (t.outcome() == Txn.Outcome.OK && m instanceof Mop.Read r && r.values() != null) {
                    seen.put(t.process(), r.values().toString());
                } else {
                    failed++;
                    seen.put(t.process(), FAILED);
                }
            }
        }
        List<String> disagreements = new ArrayList<>();
        byKey.forEach((key, seen) -> {
            java.util.Collection<String> lists = seen.values().stream().filter(v -> !v.equals(FAILED)).toList();
            if (seen.size() < entries.size() || new java.util.HashSet<>(lists).size() > 1) {
                disagreements.add("key " + key + ": " + seen);
            }
        });
        return new Agreement(byKey.size(), entries.size(), List.copyOf(disagreements), failed);
    }
}
