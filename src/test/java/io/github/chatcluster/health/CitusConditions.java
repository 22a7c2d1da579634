package io.github.chatcluster.health;

import io.github.chatcluster.cluster.NodeSessions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.operations.ClusterOperations;

/** The conditions on what Citus reports: transactions, sessions, node metadata, shard copies. */
final class CitusConditions {

    private CitusConditions() {
    }

    /** No node holds a prepared (two-phase) transaction left in doubt. */
    static final class NoPreparedTransactions implements Condition {
        @Override
        public String what() {
            return "prepared transactions";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>();
            for (String node : s.cluster().databaseNodes()) {
                List<String> gids = s.strings(node, "SELECT gid FROM pg_prepared_xacts ORDER BY gid");
                if (!gids.isEmpty()) {
                    problems.add(node + " holds " + gids.size() + " prepared transaction(s) left in doubt, e.g. " + gids.get(0));
                }
            }
            return problems;
        }

        @Override
        public List<String> repair(NodeSessions s) {
            List<String> done = new ArrayList<>();
            for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
                int recovered = ClusterOperations.forRepairs(s.cluster().endpoint(coordinator)).recoverTwoPhaseCommits();
                done.add("recovered " + recovered + " two-phase commits through " + coordinator);
            }
            return done;
        }
    }

    /**
     * No session of the suite is still busy (running a query or inside a transaction) although its scenario has
     * ended: a client that gave up on a query (its socket timeout, an abort) leaves its backend running until the node
     * notices, and that backend keeps its locks. A TRUNCATE then waits for it with no end. Nor does a node hold a
     * coordinator's transaction (a {@code citus_internal} session) idle for more than 30 s: between scenarios no
     * coordinator has a transaction open, so it is one whose coordinator lost its connection behind a fault.
     */
    static final class NoLeftoverSessions implements Condition {
        private static final String LEFTOVER = " FROM pg_stat_activity WHERE backend_type = 'client backend'"
                + " AND pid <> pg_backend_pid() AND ((state <> 'idle' AND application_name = '" + Endpoint.APPLICATION_NAME + "')"
                + " OR (application_name LIKE 'citus\\_internal gpid=%' AND state LIKE 'idle in transaction%'"
                + " AND state_change < now() - interval '30 seconds'))";

        @Override
        public String what() {
            return "sessions of earlier scenarios";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>();
            for (String node : s.cluster().databaseNodes()) {
                List<String> busy = s.strings(node, "SELECT pid || ' ' || state || ' for ' || coalesce(round(extract(epoch FROM"
                        + " now() - xact_start))::text, '?') || ' s: ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 80)"
                        + LEFTOVER + " ORDER BY pid");
                if (!busy.isEmpty()) {
                    problems.add(node + " still runs " + busy.size() + " session(s) of an earlier scenario or of a coordinator's lost"
                            + " transaction, e.g. pid " + busy.get(0));
                }
            }
            return problems;
        }

        @Override
        public List<String> repair(NodeSessions s) {
            List<String> ended = new ArrayList<>();
            for (String node : s.cluster().databaseNodes()) {
                List<String> pids = s.strings(node, "SELECT pg_terminate_backend(pid)::text || ' ' || pid" + LEFTOVER);
                if (!pids.isEmpty()) {
                    ended.add("ended " + pids.size() + " session(s) of an earlier scenario on " + node + " (pg_terminate_backend)");
                }
            }
            return ended;
        }
    }

    /** Every node is in the metadata of both coordinators, active, and (seen from coordinator-1) has its metadata synced. */
    static final class NodeMetadataInStep implements Condition {
        @Override
        public String what() {
            return "the node metadata";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>();
            Set<String> expected = new LinkedHashSet<>(s.cluster().databaseNodes());
            for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
                List<String> rows = s.strings(coordinator, "SELECT nodename || ' ' || isactive FROM pg_dist_node"
                        + " WHERE noderole = 'primary' ORDER BY nodename");
                Set<String> known = rows.stream().map(r -> r.split(" ")[0]).collect(Collectors.toCollection(LinkedHashSet::new));
                for (String node : expected) {
                    if (!known.contains(node)) {
                        problems.add(node + " is missing from the node metadata (pg_dist_node) of " + coordinator);
                    }
                }
                for (String row : rows) {
                    String[] f = row.split(" ");
                    if (!"true".equals(f[1]) && !"t".equals(f[1])) {
                        problems.add(f[0] + " is not active in the node metadata of " + coordinator + " (disabled)");
                    }
                }
            }
            unsynced(s).forEach(node -> problems.add(node + " does not have its metadata synced (coordinator-1's pg_dist_node)"));
            return problems;
        }

        /** Metadata first (an activation fails while some node's metadata is out of sync), then activation. */
        @Override
        public List<String> repair(NodeSessions s) {
            ClusterOperations operator = ClusterOperations.forRepairs(s.cluster().coordinator1());
            List<String> done = new ArrayList<>();
            for (String node : unsynced(s)) {
                operator.syncMetadataTo(node);
                done.add("synced the metadata to " + node + " (start_metadata_sync_to_node)");
            }
            for (String node : CitusCatalog.through(s.cluster().coordinator1()).inactiveNodes()) {
                operator.activateNode(node);
                done.add("activated " + node + " (citus_activate_node)");
            }
            return done;
        }

        private static List<String> unsynced(NodeSessions s) {
            return s.strings(ChatCluster.COORDINATOR_1, "SELECT nodename FROM pg_dist_node"
                    + " WHERE noderole = 'primary' AND isactive AND NOT metadatasynced ORDER BY nodename");
        }
    }

    /** Every shard has exactly {@link ChatCluster#SHARD_COPIES} copies on active nodes, and each copy answers a read. */
    static final class TwoCopiesOfEveryShard implements Condition {
        @Override
        public String what() {
            return "the shard copies";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>(s.strings(ChatCluster.COORDINATOR_1, """
                    SELECT table_name || ': ' || count(*) || ' shard(s) with ' || copies || ' copies on active nodes instead of %d'
                    FROM (SELECT s.logicalrelid::regclass::text AS table_name, s.shardid,
                                 count(n.nodeid) FILTER (WHERE n.isactive) AS copies
                          FROM pg_dist_shard s
                          LEFT JOIN pg_dist_placement p ON p.shardid = s.shardid
                          LEFT JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'
                          GROUP BY 1, 2) per_shard
                    WHERE copies <> %d GROUP BY table_name, copies ORDER BY 1""".formatted(ChatCluster.SHARD_COPIES, ChatCluster.SHARD_COPIES)));
            if (!problems.isEmpty()) {
                return problems;
            }
            // Each copy is read where it is stored: one query per node over all of its shard tables.
            Map<String, List<String>> shardTables = new TreeMap<>();
            for (String row : s.strings(ChatCluster.COORDINATOR_1, """
                    SELECT n.nodename || ' ' || shard_name(s.logicalrelid, s.shardid)
                    FROM pg_dist_shard s JOIN pg_dist_placement p ON p.shardid = s.shardid
                    JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary' AND n.isactive""")) {
                String[] f = row.split(" ", 2);
                shardTables.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
            }
            shardTables.forEach((node, tables) -> {
                String read = tables.stream().map(t -> "(SELECT 1 FROM " + t + " LIMIT 1)").collect(Collectors.joining(" UNION ALL "));
                try {
                    s.strings(node, read);
                } catch (RuntimeException e) {
                    problems.add("the " + tables.size() + " shard copies on " + node + " do not all answer a read: "
                            + Text.firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                }
            });
            return problems;
        }

        @Override
        public List<String> repair(NodeSessions s) {
            if (CitusCatalog.through(s.cluster().coordinator1()).underReplicatedShards(ChatCluster.SHARD_COPIES).isEmpty()) {
                return List.of();
            }
            ClusterOperations.forRepairs(s.cluster().coordinator1()).replicateShards(ChatCluster.SHARD_COPIES);
            return List.of("copied shards until each has " + ChatCluster.SHARD_COPIES + " copies (replicate_table_shards)");
        }
    }
}
