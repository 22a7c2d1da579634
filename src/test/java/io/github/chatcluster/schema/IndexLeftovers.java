package io.github.chatcluster.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes a failed {@code CREATE INDEX CONCURRENTLY} leaves, from each node's list of indexes and whether each is
 * valid: an invalid index on any node, and an index that one coordinator has and the other does not. Names which of
 * them the operator drops through coordinator-1 ({@code DROP INDEX CONCURRENTLY IF EXISTS} reaches every shard): every
 * index of coordinator-1 that is invalid or that coordinator-2 lacks, and every table index of coordinator-1 whose
 * shards are invalid somewhere. Pure: unit-tested.
 */
public final class IndexLeftovers {

    private static final Pattern SHARD_INDEX = Pattern.compile("(.+)_(\\d+)");

    private final Map<String, Map<String, Boolean>> byNode;
    private final String coordinator1;
    private final String coordinator2;

    /** @param byNode each node's indexes of schema public: name to valid */
    public IndexLeftovers(Map<String, Map<String, Boolean>> byNode, String coordinator1, String coordinator2) {
        this.byNode = byNode;
        this.coordinator1 = coordinator1;
        this.coordinator2 = coordinator2;
    }

    /**
     * From each node's indexes: on the coordinators, only those of the tables both have (a table one coordinator lacks
     * is named by the schema's own rule, with its indexes); on every node, none of a table found before the run (an
     * external cluster's own).
     */
    public static IndexLeftovers of(Map<String, List<SchemaView.Index>> byNode, Set<String> tablesBefore, String coordinator1,
                                    String coordinator2) {
        Set<String> tablesOnBoth = tablesOf(byNode.getOrDefault(coordinator1, List.of()));
        tablesOnBoth.retainAll(tablesOf(byNode.getOrDefault(coordinator2, List.of())));
        Map<String, Map<String, Boolean>> valid = new java.util.TreeMap<>();
        byNode.forEach((node, indexes) -> {
            boolean coordinator = node.equals(coordinator1) || node.equals(coordinator2);
            Map<String, Boolean> kept = new java.util.TreeMap<>();
            indexes.stream().filter(i -> !tablesBefore.contains(i.table()) && (!coordinator || tablesOnBoth.contains(i.table())))
                    .forEach(i -> kept.put(i.name(), i.valid()));
            valid.put(node, kept);
        });
        return new IndexLeftovers(valid, coordinator1, coordinator2);
    }

    private static Set<String> tablesOf(List<SchemaView.Index> indexes) {
        Set<String> tables = new TreeSet<>();
        indexes.forEach(i -> tables.add(i.table()));
        return tables;
    }

    /** One line per invalid index (with its node) and per index on one coordinator only; empty when none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        byNode.forEach((node, indexes) -> {
            List<String> invalid = indexes.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            if (!invalid.isEmpty()) {
                problems.add(node + " holds " + (invalid.size() == 1 ? "an invalid index: " : invalid.size() + " invalid indexes: ")
                        + String.join(", ", invalid) + " (a CREATE INDEX CONCURRENTLY that failed leaves them)");
            }
        });
        Set<String> one = byNode.getOrDefault(coordinator1, Map.of()).keySet();
        Set<String> two = byNode.getOrDefault(coordinator2, Map.of()).keySet();
        one.stream().filter(i -> !two.contains(i)).forEach(i -> problems.add("the index " + i + " exists on " + coordinator1 + " only"));
        two.stream().filter(i -> !one.contains(i)).forEach(i -> problems.add("the index " + i + " exists on " + coordinator2 + " only"));
        return problems;
    }

    /** The indexes of coordinator-1 to drop, each with IF EXISTS, so that no invalid or one-sided index is left anywhere. */
    public Set<String> toDropThroughCoordinator1() {
        Map<String, Boolean> one = byNode.getOrDefault(coordinator1, Map.of());
        Set<String> two = byNode.getOrDefault(coordinator2, Map.of()).keySet();
        Set<String> drop = new TreeSet<>();
        one.forEach((index, valid) -> {
            if (!valid || !two.contains(index)) {
                drop.add(index);
            }
        });
        byNode.forEach((node, indexes) -> indexes.forEach((index, valid) -> {
            Matcher m = SHARD_INDEX.matcher(index);
            if (!valid && !node.equals(coordinator1) && m.matches() && one.containsKey(m.group(1))) {
                drop.add(m.group(1));
            }
        }));
        return drop;
    }
}
