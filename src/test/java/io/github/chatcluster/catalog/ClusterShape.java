package io.github.chatcluster.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.github.chatcluster.cluster.ChatCluster;


/** The shape of the running cluster, as its catalog shows it, in the words the features use. */
public class ClusterShape {

    private final ChatCluster cluster;
    private final CitusCatalog catalog;

    public ClusterShape(ChatCluster cluster) {
        this.cluster = cluster;
        this.catalog = CitusCatalog.through(cluster.coordinator1());
    }

    /** node | kind | stores shards | has metadata, for every active primary node. */
    public List<List<String>> nodeTable() {
        Set<String> nodesWithPlacements = catalog.allPlacements().stream()
                .map(CitusCatalog.Placement::node).collect(Collectors.toSet());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("node", "kind", "stores shards", "has metadata"));
        for (CitusCatalog.Node node : catalog.nodes()) {
            if (!node.active() || !"primary".equals(node.role())) {
                continue;
            }
            String kind = node.groupId() == 0 ? "coordinator (group 0)"
                    : node.shouldHaveShards() ? "worker" : "metadata node";
            rows.add(List.of(node.name(), kind, yesNo(nodesWithPlacements.contains(node.name())),
                    yesNo(node.hasMetadata())));
        }
        return rows;
    }

    /** pg_dist_node as each database node sees it, by node name. */
    public Map<String, List<CitusCatalog.Node>> nodeListOnEachNode() {
        Map<String, List<CitusCatalog.Node>> seen = new java.util.LinkedHashMap<>();
        for (String name : cluster.databaseNodes()) {
            seen.put(name, CitusCatalog.through(cluster.endpoint(name)).nodes());
        }
        return seen;
    }

    /** The distributed tables, by name. */
    public Map<String, CitusCatalog.DistributedTable> distributedTables() {
        return catalog.distributedTables().stream().collect(Collectors.toMap(CitusCatalog.DistributedTable::name, t -> t));
    }

    /** table | distribution column | method (h = hash), for the tables named; "not distributed" for one that is not. */
    public List<List<String>> distributionTable(List<String> tables) {
        Map<String, CitusCatalog.DistributedTable> distributed = distributedTables();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("table", "distribution column", "method"));
        for (String table : tables) {
            CitusCatalog.DistributedTable t = distributed.get(table);
            rows.add(t == null ? List.of(table, "not distributed", "") : List.of(table, t.distributionColumn(), t.method()));
        }
        return rows;
    }

    /** The co-location group of each distributed chat table. */
    public Map<String, Integer> chatTableColocationIds() {
        return catalog.distributedTables().stream().filter(t -> ChatTables.NAMES.contains(t.name()))
                .collect(Collectors.toMap(CitusCatalog.DistributedTable::name, CitusCatalog.DistributedTable::colocationId));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
