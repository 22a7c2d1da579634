package io.github.chatcluster.shards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the selected scenarios into n parts of about equal expected time, the same way on every machine: the longest
 * first, each to the part with the least expected time so far (the lowest-numbered among equals), ties between
 * scenarios broken by their names. The scenarios that need a machine to themselves ({@code @benchmark}) stay together:
 * they count as one, and go to one part.
 */
public final class Partition {

    /** A scenario to place: its identity, its name (the tie-breaker), its expected seconds, and whether it is a benchmark. */
    public record Item<T>(T id, String name, double seconds, boolean benchmark) {
    }

    /** Which part each scenario goes to (1 to n), and each part's expected seconds. */
    public record Result<T>(Map<T, Integer> partOf, double[] expectedSeconds) {
        public List<T> of(int part) {
            return partOf.entrySet().stream().filter(e -> e.getValue() == part).map(Map.Entry::getKey).toList();
        }
    }

    private Partition() {
    }

    public static <T> Result<T> split(List<Item<T>> items, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("at least one part, not " + parts);
        }
        List<List<Item<T>>> groups = new ArrayList<>();
        List<Item<T>> benchmarks = items.stream().filter(Item::benchmark).sorted(Comparator.comparing(Item::name)).toList();
        if (!benchmarks.isEmpty()) {
            groups.add(benchmarks);
        }
        items.stream().filter(i -> !i.benchmark()).sorted(Comparator.comparing(Item::name)).forEach(i -> groups.add(List.of(i)));
        groups.sort(Comparator.comparingDouble((List<Item<T>> g) -> -seconds(g)).thenComparing(g -> g.get(0).name()));
        double[] load = new double[parts];
        Map<T, Integer> partOf = new LinkedHashMap<>();
        for (List<Item<T>> group : groups) {
            int lightest = 0;
            for (int p = 1; p < parts; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            load[lightest] += seconds(group);
            for (Item<T> item : group) {
                partOf.put(item.id(), lightest + 1);
            }
        }
        return new Result<>(partOf, load);
    }

    private static <T> double seconds(List<Item<T>> group) {
        return group.stream().mapToDouble(Item::seconds).sum();
    }
}
