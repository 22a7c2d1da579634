package io.github.chatcluster.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.NodeSessions;
import io.github.chatcluster.schema.IndexLeftovers;
import io.github.chatcluster.schema.SchemaView;

/**
 * No node holds an invalid index, and both coordinators have the same indexes: what a {@code CREATE INDEX
 * CONCURRENTLY} that failed half-way (a worker lost, a lock timeout) leaves behind. Citus leaves the index invalid on
 * coordinator-1, absent on coordinator-2, and built or invalid on the shards of the workers it reached; an invalid
 * index still costs every write its upkeep. The repair is the operator's: {@code DROP INDEX CONCURRENTLY IF EXISTS}
 * through coordinator-1, which Citus applies to every node and shard that has it ({@code IF EXISTS}: without it,
 * Citus refuses the drop as soon as one shard lacks the index). Which indexes that names is decided by
 * {@link IndexLeftovers}.
 */
final class IndexesValid implements Condition {

    @Override
    public String what() {
        return "the indexes";
    }

    @Override
    public List<String> problems(NodeSessions s) {
        return leftovers(s).problems();
    }

    @Override
    public List<String> repair(NodeSessions s) {
        IndexLeftovers found = leftovers(s);
        List<String> done = new ArrayList<>();
        for (String index : found.toDropThroughCoordinator1()) {
            try { // each on its own: one that fails does not keep the others
                s.execute(ChatCluster.COORDINATOR_1, "DROP INDEX CONCURRENTLY IF EXISTS public.\"" + index + "\"");
                done.add("dropped the index " + index + " through coordinator-1 (DROP INDEX CONCURRENTLY IF EXISTS, on every node)");
            } catch (RuntimeException e) {
                done.add("dropping the index " + index + " through coordinator-1 failed: " + io.github.chatcluster.cluster.Text.firstLine(e.getMessage()));
            }
        }
        return done;
    }

    private static IndexLeftovers leftovers(NodeSessions s) {
        Map<String, List<SchemaView.Index>> byNode = new TreeMap<>();
        for (String node : s.cluster().databaseNodes()) {
            byNode.put(node, SchemaView.indexesOn(s, node));
        }
        return IndexLeftovers.of(byNode, s.cluster().tablesFoundBeforeTheRun(), ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2);
    }
}
