package io.github.chatcluster.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
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

    public void assertMetadataSyncedEverywhere(int count) {
        for (String name : cluster.databaseNodes()) {
            List<CitusCatalog.Node> seen = CitusCatalog.through(cluster.endpoint(name)).nodes();
            assertThat(seen).as("pg_dist_node on %s", name).hasSize(count)
                    .allSatisfy(n -> assertThat(n.hasMetadata() && n.metadataSynced())
                            .as("%s sees metadata synced to %s", name, n.name()).isTrue());
        }
    }

    public void assertSameNodeListEverywhere(int count) {
        List<CitusCatalog.Node> reference = catalog.nodes();
        assertThat(reference).as("pg_dist_node on coordinator-1").hasSize(count);
        for (String name : cluster.databaseNodes()) {
            assertThat(CitusCatalog.through(cluster.endpoint(name)).nodes()).as("pg_dist_node on %s", name)
                    .isEqualTo(reference);
        }
    }

    /** table | distribution column, for the tables named, failing when one is not hash-distributed. */
    public List<List<String>> distributionTable(List<String> tables) {
        Map<String, CitusCatalog.DistributedTable> distributed = catalog.distributedTables().stream()
                .collect(Collectors.toMap(CitusCatalog.DistributedTable::name, t -> t));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("table", "distribution column"));
        for (String table : tables) {
            CitusCatalog.DistributedTable t = distributed.get(table);
            assertThat(t).as("%s is a distributed table", table).isNotNull();
            assertThat(t.method()).as("distribution method of %s (h = hash)", table).isEqualTo("h");
            rows.add(List.of(table, t.distributionColumn()));
        }
        return rows;
    }

    public void assertEveryShardOnDistinctWorkers(int copies) {
        DataPlacement placement = new DataPlacement(cluster);
        ChatTables.NAMES.forEach(table -> placement.assertCopiesOnDistinctWorkers(table, copies));
    }

    public void assertChatTablesColocated() {
        Map<String, Integer> colocation = catalog.distributedTables().stream()
                .filter(t -> ChatTables.NAMES.contains(t.name()))
                .collect(Collectors.toMap(CitusCatalog.DistributedTable::name, CitusCatalog.DistributedTable::colocationId));
        assertThat(colocation.keySet()).as("distributed chat tables").containsExactlyInAnyOrderElementsOf(ChatTables.NAMES);
        assertThat(new HashSet<>(colocation.values())).as("co-location groups of the chat tables %s", colocation).hasSize(1);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
