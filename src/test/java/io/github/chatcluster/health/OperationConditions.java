package io.github.chatcluster.health;

import io.github.chatcluster.cluster.NodeSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.SpareWorker;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.operations.ExtraNodes;
import io.github.chatcluster.operations.Leftover;
import io.github.chatcluster.operations.Leftovers;
import io.github.chatcluster.operations.TransferMode;

/** The conditions on what operations change: the set of nodes, their debris, the balance of the shard copies. */
final class OperationConditions {

    private OperationConditions() {
    }

    /**
     * The metadata holds the six nodes and no other, the four workers take shards and the coordinators do not, and no
     * spare worker runs outside the cluster.
     */
    static final class TheSixNodes implements Condition {
        @Override
        public String what() {
            return "the set of nodes";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>();
            List<String> six = s.cluster().databaseNodes();
            for (String row : s.strings(ChatCluster.COORDINATOR_1, "SELECT nodename || ' ' || shouldhaveshards FROM pg_dist_node"
                    + " WHERE noderole = 'primary' ORDER BY nodename")) {
                String[] f = row.split(" ");
                boolean takesShards = "t".equals(f[1]) || "true".equals(f[1]);
                if (!six.contains(f[0])) {
                    problems.add(f[0] + " is in the cluster's metadata (pg_dist_node): a node other than the six");
                } else if (ChatCluster.WORKERS.contains(f[0]) && !takesShards) {
                    problems.add(f[0] + " takes no shards (shouldhaveshards is false)");
                } else if (!ChatCluster.WORKERS.contains(f[0]) && takesShards) {
                    problems.add(f[0] + " takes shards (shouldhaveshards is true), a coordinator");
                }
            }
            s.cluster().spareWorker().filter(SpareWorker::isProvided).filter(spare -> problems.stream()
                            .noneMatch(p -> p.startsWith(SpareWorker.NAME + " is in")))
                    .ifPresent(spare -> problems.add(SpareWorker.NAME + " (the spare worker) still runs outside the cluster"));
            return problems;
        }

        /**
         * A node other than the six is drained (its copies moved to the four workers) and removed when it answers;
         * disabled and removed when it does not (its copies are then made again by the shard copies' repair).
         */
        @Override
        public List<String> repair(NodeSessions s) {
            ChatCluster cluster = s.cluster();
            ClusterOperations operations = ClusterOperations.through(cluster.coordinator1());
            List<String> done = new ArrayList<>();
            List<String> six = cluster.databaseNodes();
            for (String row : s.strings(ChatCluster.COORDINATOR_1, "SELECT nodename || ' ' || shouldhaveshards FROM pg_dist_node"
                    + " WHERE noderole = 'primary' ORDER BY nodename")) {
                String[] f = row.split(" ");
                boolean takesShards = "t".equals(f[1]) || "true".equals(f[1]);
                if (!six.contains(f[0])) {
                    done.add(ExtraNodes.remove(cluster, f[0]));
                } else if (ChatCluster.WORKERS.contains(f[0]) != takesShards) {
                    operations.letTakeShards(f[0], ChatCluster.WORKERS.contains(f[0]));
                    done.add("set shouldhaveshards of " + f[0] + " to " + ChatCluster.WORKERS.contains(f[0]));
                }
            }
            cluster.spareWorker().filter(SpareWorker::isProvided).ifPresent(spare -> {
                spare.release();
                done.add("removed " + SpareWorker.NAME + " (the spare worker)");
            });
            return done;
        }
    }

    /**
     * No node's metadata lists a shard copy in a node group that has no node: what coordinator-2 and the workers keep
     * when a worker that still stored shards is removed (coordinator-1 drops those placements, the others do not), and
     * what makes coordinator-2 refuse every query on those shards.
     */
    static final class NoCopiesOfRemovedNodes implements Condition {
        @Override
        public String what() {
            return "shard copies of removed nodes";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>();
            for (String node : stale(s)) {
                problems.add(node + "'s metadata lists shard copies in a node group that has no node (a worker removed while it"
                        + " stored shards): " + s.strings(node, ORPHANS).get(0));
            }
            return problems;
        }

        @Override
        public List<String> repair(NodeSessions s) {
            List<String> done = new ArrayList<>();
            for (String node : stale(s)) {
                ClusterOperations.forRepairs(s.cluster().coordinator1()).syncMetadataTo(node);
                done.add("synced the metadata to " + node + " again (start_metadata_sync_to_node), which dropped its copies of removed nodes");
            }
            return done;
        }

        private static final String ORPHANS = "SELECT count(*) || ' copies in group(s) ' || string_agg(DISTINCT groupid::text, ', ')"
                + " FROM pg_dist_placement WHERE groupid NOT IN (SELECT groupid FROM pg_dist_node) HAVING count(*) > 0";

        private static List<String> stale(NodeSessions s) {
            return s.cluster().databaseNodes().stream().filter(node -> !s.strings(node, ORPHANS).isEmpty()).toList();
        }
    }

    /** Nothing that an operation leaves behind: cleanup records, orphaned shard tables, slots, publications, subscriptions, users, jobs. */
    static final class NoOperationLeftovers implements Condition {
        @Override
        public String what() {
            return "what operations left behind";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            return new Leftovers(s).find().stream().map(l -> "left behind by an operation: " + l).toList();
        }

        @Override
        public List<String> repair(NodeSessions s) {
            Leftovers leftovers = new Leftovers(s);
            List<Leftover> found = leftovers.find();
            return leftovers.cleanUp(found);
        }
    }

    /**
     * The four workers store the same number of shard copies (48 each of 192 for the chat schema, as
     * create_distributed_table left them): the start the placement scenarios describe.
     */
    static final class EvenShardCopies implements Condition {
        @Override
        public String what() {
            return "the balance of the shard copies";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            Map<String, Integer> perWorker = copiesPerWorker(s);
            if (perWorker.values().stream().distinct().count() <= 1) {
                return List.of();
            }
            return List.of("the workers store uneven numbers of shard copies: " + perWorker);
        }

        @Override
        public List<String> repair(NodeSessions s) {
            ClusterOperations operations = ClusterOperations.through(s.cluster().coordinator1());
            operations.rebalanceNow(TransferMode.BLOCK_WRITES, "by_shard_count", 0, false);
            String notice = operations.cleanupOrphanedResources();
            return List.of("rebalanced the shard copies evenly (rebalance_table_shards, by_shard_count, block_writes) and"
                    + " dropped the moved copies (citus_cleanup_orphaned_resources" + (notice.isEmpty() ? "" : ": " + notice) + ")");
        }

        private static Map<String, Integer> copiesPerWorker(NodeSessions s) {
            Map<String, Integer> perWorker = new TreeMap<>();
            ChatCluster.WORKERS.forEach(w -> perWorker.put(w, 0));
            for (String row : s.strings(ChatCluster.COORDINATOR_1, "SELECT n.nodename || ' ' || count(*) FROM pg_dist_placement p"
                    + " JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary' GROUP BY n.nodename")) {
                String[] f = row.split(" ");
                perWorker.put(f[0], Integer.parseInt(f[1]));
            }
            return perWorker;
        }
    }
}
