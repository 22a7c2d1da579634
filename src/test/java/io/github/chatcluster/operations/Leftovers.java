package io.github.chatcluster.operations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.NodeSessions;

/**
 * What operations left behind in the cluster, looked for on every node: the cleanup records of coordinator-1
 * ({@code pg_dist_cleanup}), shard tables of the chat tables that no placement in the metadata accounts for, the
 * replication slots, publications and subscriptions of a logical move (Citus names them citus_shard_...: a user's own
 * are not touched), the users Citus makes for one, and background
 * jobs still running on either coordinator. Only reads; {@link #cleanUp} removes them.
 */
public final class Leftovers {

    private final ChatCluster cluster;
    private final NodeSessions query;

    /** What operations left behind, looked for on the suite's own session on each node. */
    public Leftovers(NodeSessions sessions) {
        this.cluster = sessions.cluster();
        this.query = sessions;
    }

    /** What operations left behind in this cluster, looked for on the suite's own sessions. */
    public static Leftovers in(ChatCluster cluster) {
        return new Leftovers(NodeSessions.of(cluster));
    }

    /** What is left behind now. */
    public static List<Leftover> findNow(ChatCluster cluster) {
        return in(cluster).find();
    }

    private static final String CLEANUP_RECORDS = "SELECT object_name || ' (' || CASE object_type WHEN 1"
            + " THEN 'shard' WHEN 2 THEN 'subscription' WHEN 3 THEN 'replication slot' WHEN 4 THEN 'publication' WHEN 5"
            + " THEN 'user' ELSE object_type::text END || ', group ' || node_group_id || CASE WHEN node_group_id NOT IN (SELECT"
            + " groupid FROM pg_dist_node) THEN ', a node no longer in the cluster' ELSE '' END || ')' FROM pg_dist_cleanup"
            + " ORDER BY record_id";

    /** Coordinator-1's cleanup records only (no other node is asked: for a moment when a worker is down). */
    public static List<Leftover> cleanupRecords(ChatCluster cluster) {
        return NodeSessions.of(cluster).strings(ChatCluster.COORDINATOR_1, CLEANUP_RECORDS).stream()
                .map(row -> new Leftover(Leftover.Kind.CLEANUP_RECORD, ChatCluster.COORDINATOR_1, row)).toList();
    }

    public List<Leftover> find() {
        List<Leftover> found = new ArrayList<>();
        for (String row : query.strings(ChatCluster.COORDINATOR_1, CLEANUP_RECORDS)) {
            found.add(new Leftover(Leftover.Kind.CLEANUP_RECORD, ChatCluster.COORDINATOR_1, row));
        }
        Map<String, Set<String>> expectedTables = shardTablesByNode();
        String chatShard = "^(" + String.join("|", ChatTables.NAMES) + ")_[0-9]+$";
        for (String node : cluster.databaseNodes()) {
            // Citus hides the shard tables it knows of from a session's pg_class: this session sees them all
            query.strings(node, "SELECT set_config('citus.override_table_visibility', 'off', false)");
            for (String table : query.strings(node, "SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND"
                    + " relnamespace = 'public'::regnamespace AND relname ~ '" + chatShard + "' ORDER BY relname")) {
                if (!expectedTables.getOrDefault(node, Set.of()).contains(table)) {
                    found.add(new Leftover(Leftover.Kind.SHARD_TABLE, node, table));
                }
            }
            for (String row : query.strings(node, """
                    SELECT 'REPLICATION_SLOT ' || slot_name FROM pg_replication_slots WHERE slot_name LIKE 'citus\\_shard\\_%'
                    UNION ALL SELECT 'PUBLICATION ' || pubname FROM pg_publication WHERE pubname LIKE 'citus\\_shard\\_%'
                    UNION ALL SELECT 'SUBSCRIPTION ' || subname FROM pg_subscription WHERE subname LIKE 'citus\\_shard\\_%'
                    UNION ALL SELECT 'USER ' || rolname FROM pg_roles WHERE rolname LIKE 'citus\\_shard\\_%'""")) {
                String[] f = row.split(" ", 2);
                found.add(new Leftover(Leftover.Kind.valueOf(f[0]), node, f[1]));
            }
        }
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            BackgroundJobs.on(query, coordinator).unfinished()
                    .forEach(job -> found.add(new Leftover(Leftover.Kind.BACKGROUND_JOB, coordinator, job.toString())));
        }
        return found;
    }

    /**
     * Removes what {@link #find} found, the way an operator would: background jobs stopped (marked cancelled in the
     * catalog of the coordinator that holds them: on coordinator-2 Citus refuses {@code citus_rebalance_stop}), then
     * {@code citus_cleanup_orphaned_resources} on coordinator-1, then whatever is still there dropped on its node.
     * Returns what was done, one line each.
     */
    public List<String> cleanUp(List<Leftover> found) {
        List<String> done = new ArrayList<>();
        if (found.isEmpty()) {
            return done;
        }
        if (!BackgroundJobs.on(query, ChatCluster.COORDINATOR_1).unfinished().isEmpty()) {
            try {
                ClusterOperations.through(cluster.coordinator1()).stopRebalance(); // ends the running task too
                done.add("stopped the rebalance on coordinator-1 (citus_rebalance_stop)");
            } catch (OperationFailed e) {
                done.add("citus_rebalance_stop on coordinator-1 failed: " + io.github.chatcluster.cluster.Text.firstLine(e.error()));
            }
        }
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            List<Long> cancelled = BackgroundJobs.on(query, coordinator).cancelInTheCatalog();
            if (!cancelled.isEmpty()) {
                done.add("cancelled the background job(s) " + cancelled + " on " + coordinator + " in its catalog");
            }
        }
        String notice = ClusterOperations.through(cluster.coordinator1()).cleanupOrphanedResources();
        done.add("called citus_cleanup_orphaned_resources() on coordinator-1" + (notice.isEmpty() ? "" : ": " + notice));
        // Records of a node that has left the cluster: Citus cannot drop what they name, and keeps them
        List<String> ofRemovedNodes = query.strings(ChatCluster.COORDINATOR_1, "WITH gone AS (DELETE FROM pg_dist_cleanup"
                + " WHERE node_group_id NOT IN (SELECT groupid FROM pg_dist_node) RETURNING object_name) SELECT object_name FROM gone");
        if (!ofRemovedNodes.isEmpty()) {
            done.add("deleted " + ofRemovedNodes.size() + " cleanup record(s) of a node no longer in the cluster from coordinator-1's"
                    + " pg_dist_cleanup: " + ofRemovedNodes);
        }
        for (Leftover left : find()) {
            List<String> statements = switch (left.kind()) {
                case SHARD_TABLE -> List.of(dropShardTable(left.name()));
                case REPLICATION_SLOT -> List.of("SELECT pg_drop_replication_slot('" + left.name() + "')");
                case PUBLICATION -> List.of("DROP PUBLICATION IF EXISTS " + left.name());
                case SUBSCRIPTION -> List.of("ALTER SUBSCRIPTION " + left.name() + " DISABLE",
                        "ALTER SUBSCRIPTION " + left.name() + " SET (slot_name = NONE)", "DROP SUBSCRIPTION " + left.name());
                case USER -> List.of("DROP ROLE IF EXISTS " + left.name());
                case CLEANUP_RECORD, BACKGROUND_JOB -> List.of();
            };
            statements.forEach(sql -> ChatCluster.execute(cluster.endpoint(left.node()), sql));
            if (!statements.isEmpty()) {
                done.add("dropped the " + left);
            }
        }
        return done;
    }

    /** Drops a table named like a shard (Citus refuses to change a shard table by hand unless told it may). */
    public static String dropShardTable(String table) {
        return "SET citus.enable_manual_changes_to_shards = on; DROP TABLE IF EXISTS public." + table;
    }

    /** Drops every chat shard table that no placement in the metadata accounts for; returns them. */
    public List<Leftover> dropUnknownShardTables() {
        List<Leftover> dropped = find().stream().filter(l -> l.kind() == Leftover.Kind.SHARD_TABLE).toList();
        dropped.forEach(l -> ChatCluster.execute(cluster.endpoint(l.node()), dropShardTable(l.name())));
        return dropped;
    }

    /** Node name to the names of the chat shard tables its placements in coordinator-1's metadata say it stores. */
    private Map<String, Set<String>> shardTablesByNode() {
        Map<String, Set<String>> byNode = new TreeMap<>();
        for (String row : query.strings(ChatCluster.COORDINATOR_1, """
                SELECT n.nodename || ' ' || shard_name(s.logicalrelid, s.shardid)
                FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'""")) {
            String[] f = row.split(" ", 2);
            byNode.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1].replace("public.", ""));
        }
        return byNode;
    }
}
