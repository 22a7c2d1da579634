package io.github.chatcluster.cluster.external;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;

/**
 * The checks of an external cluster before the first scenario: its shape against what the features state, and the
 * data it already holds; and the list of the database's objects, kept before and after the run.
 */
final class ExternalClusterCheck {

    /** The shard replication factor the features state ("every shard stored twice"). */
    private static final String REPLICATION_FACTOR = "2";

    private ExternalClusterCheck() {
    }

    /**
     * Why the spare worker of the cluster file cannot be used: it does not answer, is already part of the cluster (or is
     * another node of one), or holds tables of its own; empty when it is an empty Citus node, or one the suite added and
     * removed before (the chat shard tables such a run left are dropped when the cluster starts).
     */
    static List<String> spareProblems(ExternalCluster cluster, Endpoint spare, Set<String> clusterNodes) {
        String where = ExternalClusterConfig.SPARE_KEY + " (" + spare.host() + ":" + spare.port() + ")";
        if (clusterNodes.contains(spare.name())) {
            // an earlier run that was stopped while worker-5 was in the cluster: the check before the first scenario
            // drains and removes it
            return List.of();
        }
        try (Connection c = spare.connect(); var s = c.createStatement()) {
            List<String> problems = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT n.nodename FROM pg_dist_node n, pg_dist_local_group g"
                    + " WHERE n.groupid = g.groupid AND n.noderole = 'primary'")) {
                // a spare the suite added and removed keeps the metadata it had (Citus wipes it when it is added again)
                if (rs.next() && !rs.getString(1).equals(spare.name())) {
                    return List.of("the spare worker " + where + " reaches a node of a cluster, the one it calls " + rs.getString(1)
                            + ": name an empty Citus node outside the cluster");
                }
            }
            s.execute("SET citus.override_table_visibility = off");
            try (var rs = s.executeQuery("SELECT count(*), string_agg(relname, ', ' ORDER BY relname) FROM pg_class"
                    + " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname !~ '"
                    + ExternalSpareWorker.CHAT_TABLE + "'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    problems.add("the spare worker " + where + " holds " + rs.getLong(1) + " tables of its own in its public schema ("
                            + rs.getString(2) + "): it must be an empty node (the suite adds it to the cluster and moves shards onto it)");
                }
            }
            return problems;
        } catch (SQLException e) {
            return List.of("the spare worker " + where + " does not answer as a Citus node: " + Text.firstLine(e.getMessage()));
        }
    }

    /** Every way the cluster differs from the one the features describe; empty when it matches. */
    static List<String> shapeDifferences(ExternalCluster cluster) {
        List<String> differences = new ArrayList<>();
        for (String node : cluster.databaseNodes()) {
            Endpoint endpoint = cluster.endpoint(node);
            try (Connection c = endpoint.connect()) {
                String actual = Endpoint.localNodeName(c);
                if (!node.equals(actual)) {
                    differences.add("the endpoint of " + node + " (" + endpoint.host() + ":" + endpoint.port() + ") reaches the node the"
                            + " cluster calls " + actual);
                }
            } catch (SQLException | IllegalStateException e) {
                differences.add("the endpoint of " + node + " is not a node of a Citus cluster: " + Text.firstLine(e.getMessage()));
            }
        }
        Set<String> expected = new TreeSet<>(cluster.databaseNodes());
        Set<String> known = new TreeSet<>(ExternalCluster.queryText(cluster.coordinator1(),
                "SELECT nodename FROM pg_dist_node WHERE noderole = 'primary' AND isactive").lines().toList());
        cluster.spareWorker().ifPresent(spare -> differences.addAll(spareProblems(cluster, spare.endpoint(), known)));
        for (String name : known) {
            if (name.equals(io.github.chatcluster.cluster.SpareWorker.NAME) && cluster.spareWorker().isPresent()) {
                continue; // said above, in the spare's own words
            }
            if (!expected.contains(name)) {
                differences.add("the cluster has a node named " + name + ", which the features do not know (they name " + expected + ")");
            }
        }
        for (String name : expected) {
            if (!known.contains(name)) {
                differences.add("the cluster has no active node named " + name);
            }
        }
        String roles = ExternalCluster.queryText(cluster.coordinator1(),
                "SELECT nodename, groupid = 0, hasmetadata, shouldhaveshards FROM pg_dist_node WHERE noderole = 'primary' ORDER BY 1");
        for (String row : roles.lines().toList()) {
            String[] f = row.split("\\|");
            boolean groupZero = "t".equals(f[1]);
            boolean shards = "t".equals(f[3]);
            if (f[0].equals(ChatCluster.COORDINATOR_1) && !groupZero) {
                differences.add("coordinator-1 is not the coordinator (group 0)");
            }
            if (f[0].equals(ChatCluster.COORDINATOR_2) && (!"t".equals(f[2]) || shards)) {
                differences.add("coordinator-2 is not a node with metadata that holds no shards (hasmetadata " + f[2]
                        + ", shouldhaveshards " + f[3] + ")");
            }
            // a worker that takes no shards is what an interrupted drain leaves: the check before the first scenario repairs it
        }
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            String factor = ExternalCluster.queryText(cluster.endpoint(coordinator), "SHOW citus.shard_replication_factor").strip();
            if (!REPLICATION_FACTOR.equals(factor)) {
                differences.add(coordinator + " has citus.shard_replication_factor " + factor + "; the features state that every"
                        + " shard is stored " + REPLICATION_FACTOR + " times");
            }
        }
        try (Connection c = cluster.loadBalancer().connect()) {
            String landed = Endpoint.localNodeName(c);
            if (!List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2).contains(landed)) {
                differences.add("the load balancer sent a new connection to " + landed + ", not to a coordinator");
            }
        } catch (SQLException | IllegalStateException e) {
            differences.add("the load balancer does not lead to a node of the cluster: " + Text.firstLine(e.getMessage()));
        }
        return differences;
    }

    /**
     * The chat tables, if they exist, and any other table, view or sequence in the database that no extension owns (Citus's
     * own views, public.citus_tables for example, are not data); empty when there is none.
     */
    static List<String> foreignData(Endpoint coordinator) {
        List<String> found = new ArrayList<>();
        for (String row : ExternalCluster.queryText(coordinator, """
                SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'citus', 'citus_internal', 'columnar', 'columnar_internal')
                  AND n.nspname NOT LIKE 'pg\\_%'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                ORDER BY 1, 2 LIMIT 20""").lines().toList()) {
            String[] f = row.split("\\|");
            if ("public".equals(f[0]) && List.of("rooms", "room_members", "messages").contains(f[1])) {
                found.add(0, "the chat table " + f[1] + " exists already (the suite creates it, and removes it at the end)");
            } else {
                found.add(f[0] + "." + f[1] + " (relkind " + f[2] + ")");
            }
        }
        return found;
    }

    /** The tables of schema {@code public} in an {@link #objectList}: its lines "relation public.name (r)" and "(p)". */
    static java.util.Set<String> publicTables(String objectList) {
        java.util.regex.Pattern table = java.util.regex.Pattern.compile("^relation public\\.(.+) \\([rp]\\)$");
        return objectList.lines().map(table::matcher).filter(java.util.regex.Matcher::matches).map(m -> m.group(1))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Every object of the database outside the system schemas, one per line, sorted. */
    static String objectList(Endpoint coordinator) {
        return ExternalCluster.queryText(coordinator, """
                SELECT 'relation ' || n.nspname || '.' || c.relname || ' (' || c.relkind::text || ')'
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                UNION ALL
                SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                UNION ALL
                SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                UNION ALL
                SELECT 'schema ' || nspname FROM pg_namespace
                ORDER BY 1""");
    }

    /** Keeps both lists in target/cucumber-reports and says on the console whether they are the same. */
    static void recordObjectLists(Path projectDir, String before, String after) {
        Path reports = projectDir.resolve("target/cucumber-reports");
        try {
            Files.createDirectories(reports);
            Files.writeString(reports.resolve("external-objects-before.txt"), before);
            Files.writeString(reports.resolve("external-objects-after.txt"), after);
        } catch (IOException e) {
            System.err.println("could not write the object lists: " + e.getMessage());
        }
        if (before.equals(after)) {
            System.out.println("External cluster: the database's objects after the run are the same as before it ("
                    + before.lines().count() + " objects; target/cucumber-reports/external-objects-*.txt).");
        } else {
            System.err.println("\n*** External cluster: the database's objects changed during the run (compare"
                    + " target/cucumber-reports/external-objects-before.txt and -after.txt).\n");
        }
    }
}
