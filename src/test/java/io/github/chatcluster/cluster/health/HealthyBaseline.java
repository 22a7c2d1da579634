package io.github.chatcluster.cluster.health;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import io.github.chatcluster.catalog.ClusterOperator;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.LoadBalancerRouting;
import io.github.chatcluster.cluster.Text;


/**
 * The state every scenario starts from, checked before each one whatever ran before it:
 * <ul>
 * <li>every container is running, unpaused and on the cluster network under its name;</li>
 * <li>all six Citus nodes and the load balancer answer;</li>
 * <li>no node holds a prepared (two-phase) transaction;</li>
 * <li>every node is in the metadata of both coordinators, active, and (seen from coordinator-1) has its
 * metadata synced;</li>
 * <li>every shard has exactly {@link ChatCluster#SHARD_COPIES} copies on active nodes, and each copy answers a read;</li>
 * <li>new connections through the load balancer reach both coordinators.</li>
 * </ul>
 * Where the state is wrong, it is repaired (unpause, start, reconnect, recover two-phase commits, activate,
 * re-replicate, make nginx forget failures) within {@link #REPAIR_BOUND}; where that does not make it healthy,
 * {@link ClusterUnhealthyException} names everything that is still wrong.
 */
public final class HealthyBaseline {

    /** The longest a repair may take before the cluster is declared beyond repair. */
    public static final Duration REPAIR_BOUND = Duration.ofSeconds(120);
    /** How many new connections through the load balancer may be needed to see both coordinators. */
    /** How long one round of repairs may take to show its effect before the next round. */
    private static final Duration ROUND = Duration.ofSeconds(10);
    private static final Duration PROBE_CONNECT = Duration.ofSeconds(3);
    private static final Duration PROBE_SOCKET = Duration.ofSeconds(20);

    /** What was found wrong and what was done about it, before one scenario. */
    public record Outcome(List<String> found, List<String> repairs, Duration took) {
        public boolean wasHealthy() {
            return found.isEmpty();
        }

        public String text() {
            String seconds = String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
            if (wasHealthy()) {
                return "The cluster was checked healthy before this scenario (" + seconds + ").";
            }
            return "Before this scenario the cluster was not healthy:\n  - " + String.join("\n  - ", found)
                    + "\nRepaired within " + seconds + ":\n  - " + String.join("\n  - ", repairs)
                    + "\nand then checked healthy.";
        }
    }

    /** The cluster could not be made healthy: the message lists everything still wrong. */
    public static final class ClusterUnhealthyException extends IllegalStateException {
        ClusterUnhealthyException(String message) {
            super(message);
        }
    }

    private final ChatCluster cluster;

    public HealthyBaseline(ChatCluster cluster) {
        this.cluster = cluster;
    }

    /** Checks the cluster, repairs what is wrong, and checks again; throws when it stays unhealthy. */
    public Outcome establish() {
        Instant start = Instant.now();
        List<String> found = problems();
        if (found.isEmpty()) {
            return new Outcome(List.of(), List.of(), Duration.between(start, Instant.now()));
        }
        Instant deadline = start.plus(REPAIR_BOUND);
        List<String> repairs = new ArrayList<>();
        found = new ArrayList<>(found);
        List<String> left = found;
        // Rounds of repair: one repair can need another first (an activation fails while some node's
        // metadata is out of sync), and some states settle on their own (Citus's maintenance daemon).
        // Two rounds in a row with no repair to make and no change mean that nothing here can repair it.
        int idleRounds = 0;
        while (!left.isEmpty() && Instant.now().isBefore(deadline) && idleRounds < 2) {
            int repairsBefore = repairs.size();
            List<String> before = left;
            repair(found, repairs, deadline);
            Instant roundEnd = Instant.now().plus(ROUND);
            left = awaitNoProblems(roundEnd.isBefore(deadline) ? roundEnd : deadline);
            idleRounds = repairs.size() == repairsBefore && left.equals(before) ? idleRounds + 1 : 0;
        }
        if (!left.isEmpty()) {
            throw new ClusterUnhealthyException("The cluster is not healthy before this scenario, and "
                    + String.format(Locale.ROOT, "%d s", Duration.between(start, Instant.now()).toSeconds())
                    + " of repair (at most " + REPAIR_BOUND.toSeconds() + " s) did not change that. Still wrong:\n  - " + String.join("\n  - ", left)
                    + "\nFound at first:\n  - " + String.join("\n  - ", found)
                    + "\nRepairs tried:\n  - " + (repairs.isEmpty() ? "none" : String.join("\n  - ", repairs))
                    + "\nThe next scenario starts from a rebuilt cluster.");
        }
        return new Outcome(found, repairs, Duration.between(start, Instant.now()));
    }

    /** Everything that is wrong now, one line each; empty for a healthy cluster. */
    public List<String> problems() {
        sessions = new java.util.HashMap<>();
        try {
            return problemsNow();
        } finally {
            for (Connection c : sessions.values()) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // a broken session; the check is over anyway
                }
            }
            sessions = null;
        }
    }

    /** One session per node for one pass of the checks (opening a connection costs more than the queries). */
    private java.util.Map<String, Connection> sessions;

    private List<String> problemsNow() {
        List<String> problems = new ArrayList<>(check("packet-level faults", () -> cluster.packetFaults().inForce()));
        for (String node : cluster.allNodes()) {
            cluster.faults().containerFault(node).ifPresent(problems::add);
        }
        for (String node : cluster.allNodes()) {
            if (cluster.faults().containerFault(node).isEmpty()) {
                answers(node).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            return problems; // what Citus and nginx report means little while a node is down
        }
        problems.addAll(check("prepared transactions", this::preparedTransactions));
        problems.addAll(check("sessions of earlier scenarios", this::leftoverSessions));
        problems.addAll(check("the node metadata", this::nodeMetadata));
        if (problems.isEmpty()) {
            problems.addAll(check("the shard copies", this::placements));
        }
        problems.addAll(check("the load balancer's routing", this::routing));
        return problems;
    }

    private static List<String> check(String what, java.util.function.Supplier<List<String>> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return List.of(what + " could not be checked: " + firstLine(e.getMessage()));
        }
    }

    /** One round of repairs, in the order they depend on each other; a repair that fails is listed and the next one tried. */
    private void repair(List<String> found, List<String> repairs, Instant deadline) {
        attempt(repairs, "ending the faults", () -> cluster.faults().healAll().stream().map(f -> "ended a fault: " + f).toList());
        awaitEveryNodeAnswers(deadline);
        // With every node up, what Citus and nginx report can be judged too.
        problems().stream().filter(p -> !found.contains(p)).forEach(found::add);
        ClusterOperator operator = new ClusterOperator(cluster.coordinator1());
        attempt(repairs, "recovering two-phase commits", () -> {
            if (check("prepared transactions", this::preparedTransactions).isEmpty()) {
                return List.of();
            }
            List<String> done = new ArrayList<>();
            for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
                int recovered = ClusterOperator.recoverTwoPhaseCommits(cluster.endpoint(coordinator));
                done.add("recovered " + recovered + " two-phase commits through " + coordinator);
            }
            return done;
        });
        attempt(repairs, "ending sessions of earlier scenarios", this::endLeftoverSessions);
        attempt(repairs, "syncing metadata", () -> unsyncedNodes().stream().map(node -> {
            operator.syncMetadata(node);
            return "synced the metadata to " + node + " (start_metadata_sync_to_node)";
        }).toList());
        attempt(repairs, "activating nodes", () -> operator.inactiveNodes().stream().map(node -> {
            operator.activate(node);
            return "activated " + node + " (citus_activate_node)";
        }).toList());
        attempt(repairs, "copying shards", () -> {
            if (operator.underReplicatedShards(ChatCluster.SHARD_COPIES).isEmpty()) {
                return List.of();
            }
            operator.replicateShards(ChatCluster.SHARD_COPIES);
            return List.of("copied shards until each has " + ChatCluster.SHARD_COPIES + " copies (replicate_table_shards)");
        });
        attempt(repairs, "resetting the load balancer", () -> {
            if (check("routing", this::routing).isEmpty()) {
                return List.of();
            }
            new LoadBalancerRouting(cluster).forgetFailures();
            return List.of("made the load balancer forget its failed connections (a configuration reload, SIGHUP)");
        });
    }

    private static void attempt(List<String> repairs, String what, java.util.function.Supplier<List<String>> repair) {
        try {
            repairs.addAll(repair.get());
        } catch (RuntimeException e) {
            repairs.add(what + " failed: " + firstLine(e.getMessage()));
        }
    }

    private List<String> awaitNoProblems(Instant deadline) {
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        try {
            await("a healthy cluster").atMost(remaining(deadline)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        last.set(0, problems());
                        return last.get(0).isEmpty();
                    });
            return List.of();
        } catch (ConditionTimeoutException e) {
            return last.get(0);
        }
    }

    private void awaitEveryNodeAnswers(Instant deadline) {
        try {
            await("every node answering").atMost(remaining(deadline)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> cluster.allNodes().stream().allMatch(node -> answers(node).isEmpty()));
        } catch (ConditionTimeoutException e) {
            // reported by the final check, by node
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    /** Empty if the node (or the load balancer) answers a query from a new connection. */
    private java.util.Optional<String> answers(String node) {
        try {
            Connection c = cluster.endpoint(node).connectOnce(PROBE_CONNECT, PROBE_SOCKET);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            if (sessions != null && !ChatCluster.LOAD_BALANCER.equals(node)) {
                Connection old = sessions.put(node, c);
                if (old != null) {
                    old.close();
                }
            } else {
                c.close();
            }
            return java.util.Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return java.util.Optional.of(node + " does not answer a new connection: " + firstLine(e.getMessage()));
        }
    }

    /**
     * The suite's client sessions that are still busy (running a query or inside a transaction) although their
     * scenario has ended: a client that gave up on a query (its socket timeout, an abort) leaves its backend running
     * until the node notices, and that backend keeps its locks. A TRUNCATE then waits for it with no end.
     */
    private static final String LEFTOVER_SESSION = " FROM pg_stat_activity WHERE backend_type = 'client backend'"
            + " AND pid <> pg_backend_pid() AND state <> 'idle' AND application_name = '" + Endpoint.APPLICATION_NAME + "'";

    private List<String> leftoverSessions() {
        List<String> problems = new ArrayList<>();
        for (String node : cluster.databaseNodes()) {
            List<String> busy = strings(node, "SELECT pid || ' ' || state || ' for ' || coalesce(round(extract(epoch FROM"
                    + " now() - xact_start))::text, '?') || ' s: ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 80)"
                    + LEFTOVER_SESSION + " ORDER BY pid");
            if (!busy.isEmpty()) {
                problems.add(node + " still runs " + busy.size() + " session(s) of an earlier scenario, e.g. pid " + busy.get(0));
            }
        }
        return problems;
    }

    private List<String> endLeftoverSessions() {
        List<String> ended = new ArrayList<>();
        for (String node : cluster.databaseNodes()) {
            List<String> pids = strings(node, "SELECT pg_terminate_backend(pid)::text || ' ' || pid" + LEFTOVER_SESSION);
            if (!pids.isEmpty()) {
                ended.add("ended " + pids.size() + " session(s) of an earlier scenario on " + node + " (pg_terminate_backend)");
            }
        }
        return ended;
    }

    private List<String> preparedTransactions() {
        List<String> problems = new ArrayList<>();
        for (String node : cluster.databaseNodes()) {
            List<String> gids = strings(node, "SELECT gid FROM pg_prepared_xacts ORDER BY gid");
            if (!gids.isEmpty()) {
                problems.add(node + " holds " + gids.size() + " prepared transaction(s) left in doubt, e.g. " + gids.get(0));
            }
        }
        return problems;
    }

    private List<String> nodeMetadata() {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>(cluster.databaseNodes());
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            List<String> rows = strings(coordinator, "SELECT nodename || ' ' || isactive || ' ' || metadatasynced"
                    + " FROM pg_dist_node WHERE noderole = 'primary' ORDER BY nodename");
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
        unsyncedNodes().forEach(node -> problems.add(node + " does not have its metadata synced (coordinator-1's pg_dist_node)"));
        return problems;
    }

    private List<String> unsyncedNodes() {
        return strings(ChatCluster.COORDINATOR_1, "SELECT nodename FROM pg_dist_node"
                + " WHERE noderole = 'primary' AND isactive AND NOT metadatasynced ORDER BY nodename");
    }

    private List<String> placements() {
        List<String> problems = new ArrayList<>(strings(ChatCluster.COORDINATOR_1, """
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
        java.util.Map<String, List<String>> shardTables = new java.util.TreeMap<>();
        for (String row : strings(ChatCluster.COORDINATOR_1, """
                SELECT n.nodename || ' ' || shard_name(s.logicalrelid, s.shardid)
                FROM pg_dist_shard s JOIN pg_dist_placement p ON p.shardid = s.shardid
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary' AND n.isactive""")) {
            String[] f = row.split(" ", 2);
            shardTables.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        shardTables.forEach((node, tables) -> {
            String read = tables.stream().map(t -> "(SELECT 1 FROM " + t + " LIMIT 1)").collect(Collectors.joining(" UNION ALL "));
            try {
                strings(node, read);
            } catch (RuntimeException e) {
                String error = e.getCause() instanceof SQLException sql ? sql.getMessage() : e.getMessage();
                problems.add("the " + tables.size() + " shard copies on " + node + " do not all answer a read: "
                        + firstLine(error));
            }
        });
        return problems;
    }

    private List<String> routing() {
        LoadBalancerRouting.Probe probe = new LoadBalancerRouting(cluster).probe(LoadBalancerRouting.PROBES);
        return probe.reachesBothCoordinators() ? List.of() : List.of(probe.problem());
    }

    private List<String> strings(String node, String sql) {
        Connection session = sessions == null ? null : sessions.get(node);
        try (Connection own = session == null ? cluster.endpoint(node).connectOnce(PROBE_CONNECT, PROBE_SOCKET) : null;
             Statement s = (session != null ? session : own).createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(node + " did not answer " + firstLine(sql) + ": " + firstLine(e.getMessage()), e);
        }
    }

    public static String firstLine(String message) {
        return Text.firstLine(message);
    }
}
