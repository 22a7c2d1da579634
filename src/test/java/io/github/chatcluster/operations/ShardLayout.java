package io.github.chatcluster.operations;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.chatcluster.catalog.CitusCatalog;

/** Where every shard copy is at one moment (shard id to the nodes that store it), and what changed between two moments. */
public record ShardLayout(Map<Long, Set<String>> nodesByShard) {

    /** The layout now, as coordinator-1's catalog lists it. */
    public static ShardLayout now(io.github.chatcluster.cluster.ChatCluster cluster) {
        return of(CitusCatalog.through(cluster.coordinator1()).allPlacements());
    }

    public static ShardLayout of(List<CitusCatalog.Placement> placements) {
        Map<Long, Set<String>> byShard = new TreeMap<>();
        placements.forEach(p -> byShard.computeIfAbsent(p.shardId(), k -> new TreeSet<>()).add(p.node()));
        return new ShardLayout(byShard);
    }

    /** Shard copies per node, every given node listed (0 for a node with none). */
    public Map<String, Integer> copiesPerNode(List<String> nodes) {
        Map<String, Integer> counts = new TreeMap<>();
        nodes.forEach(n -> counts.put(n, 0));
        nodesByShard.values().forEach(ns -> ns.forEach(n -> counts.merge(n, 1, Integer::sum)));
        return counts;
    }

    public int copies() {
        return nodesByShard.values().stream().mapToInt(Set::size).sum();
    }

    /** Shard copies that are on a node in this layout and were not on it in the earlier one: copies moved or made. */
    public int copiesNotIn(ShardLayout earlier) {
        int count = 0;
        for (var e : nodesByShard.entrySet()) {
            Set<String> before = earlier.nodesByShard.getOrDefault(e.getKey(), Set.of());
            count += (int) e.getValue().stream().filter(n -> !before.contains(n)).count();
        }
        return count;
    }

    /** Shards whose number of copies is not the given one, with their nodes. */
    public Map<Long, Set<String>> shardsWithout(int copies) {
        return nodesByShard.entrySet().stream().filter(e -> e.getValue().size() != copies)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** The nodes of one shard (empty when the shard has none). */
    public Set<String> nodesOf(long shardId) {
        return nodesByShard.getOrDefault(shardId, Set.of());
    }

    /**
     * Whether each node's copies are within the given fraction of an even share: the balance a rebalancer with that
     * threshold aims at. {@code low}/{@code high} are the bounds in copies, rounded outwards.
     */
    public static boolean withinShare(Map<String, Integer> perNode, int total, double fraction) {
        double share = (double) total / perNode.size();
        return perNode.values().stream().allMatch(n -> n >= Math.floor(share * (1 - fraction)) && n <= Math.ceil(share * (1 + fraction)));
    }
}
