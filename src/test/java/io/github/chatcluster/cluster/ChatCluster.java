package io.github.chatcluster.cluster;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import io.github.chatcluster.cluster.embedded.EmbeddedCluster;
import io.github.chatcluster.cluster.external.ExternalCluster;
import io.github.chatcluster.cluster.faults.FaultDriver;
import io.github.chatcluster.cluster.faults.NodeFaults;
import io.github.chatcluster.cluster.faults.PacketFaults;

/**
 * The chat cluster the features speak of, as in the architecture picture, whoever started it:
 *
 * <pre>
 *   clients ──► load-balancer (nginx, TCP 5432)
 *                  │ upstream: coordinator-1, coordinator-2
 *         ┌────────┴─────────┐
 *   coordinator-1       coordinator-2        both accept reads and writes
 *   group 0, DDL        metadata node, no shards
 *         └──────┬───────────┘
 *    worker-1  worker-2  worker-3  worker-4  every shard on 2 of them
 * </pre>
 *
 * {@link EmbeddedCluster} is the suite's own (Testcontainers); {@link ExternalCluster} is one that already runs
 * (compose, VMs, Kubernetes), reached at the endpoints of a configuration file. Faults go through a
 * {@link FaultDriver}, by node name.
 */
public interface ChatCluster {

    String COORDINATOR_1 = "coordinator-1";
    String COORDINATOR_2 = "coordinator-2";
    List<String> WORKERS = List.of("worker-1", "worker-2", "worker-3", "worker-4");
    String LOAD_BALANCER = "load-balancer";
    /** How many copies of each shard a healthy cluster keeps (restored after a scenario damaged it). */
    int SHARD_COPIES = 2;

    /** Label on every container and network of a run, so a crashed run's leftovers can be found. */
    String LABEL = "io.github.chatcluster.suite";

    /** Where a client reaches the node of this name. */
    Endpoint endpoint(String nodeName);

    /** Every node: the six PostgreSQL nodes and the load balancer. */
    List<String> allNodes();

    /** How faults are injected on this cluster ("docker", or "none" when it cannot be hurt). */
    FaultDriver faultDriver();

    ClusterTimings timings();

    /** The id of this run (labels of the helper containers the suite starts). */
    String runId();

    /** The last lines of the node's log, indented, for a failure report ("(no log: ...)" when there is none). */
    default String lastLogLines(String nodeName, int count) {
        try {
            List<String> lines = logs(nodeName).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size())).indent(4);
        } catch (RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The node's log so far. */
    String logs(String nodeName);

    /**
     * A node that is not part of the cluster, for the operations that add a worker ({@value SpareWorker#NAME}); empty
     * when this cluster has none (an external cluster whose file names no {@code spare.worker-5}).
     */
    default java.util.Optional<SpareWorker> spareWorker() {
        return java.util.Optional.empty();
    }

    /**
     * The tables of schema {@code public} the database held before the suite deployed its schema (an external cluster
     * run with {@code -Dcluster.allow-existing-data=true}): not the application's, so the check leaves them out.
     */
    default java.util.Set<String> tablesFoundBeforeTheRun() {
        return java.util.Set.of();
    }

    /** How nodes are started again from another image (a rolling upgrade); empty when this cluster cannot. */
    default java.util.Optional<NodeReplacement> nodeReplacement() {
        return java.util.Optional.empty();
    }

    /** Makes the cluster ready for the first scenario; a failure leaves it to {@link #stop()}. */
    void start();

    /** Ends the run's use of the cluster: the suite's own containers are removed, an external cluster is left as found. */
    void stop();

    default Endpoint coordinator1() {
        return endpoint(COORDINATOR_1);
    }

    default Endpoint coordinator2() {
        return endpoint(COORDINATOR_2);
    }

    default Endpoint loadBalancer() {
        return endpoint(LOAD_BALANCER);
    }

    /** The three ways into the cluster a client can take: coordinator-1, coordinator-2 and the load balancer. */
    default java.util.List<Endpoint> entryPoints() {
        return java.util.List.of(coordinator1(), coordinator2(), loadBalancer());
    }

    /** Every PostgreSQL node: the coordinators, then the workers. */
    default List<String> databaseNodes() {
        return Stream.concat(Stream.of(COORDINATOR_1, COORDINATOR_2), WORKERS.stream()).toList();
    }

    default NodeFaults faults() {
        return faultDriver().nodes();
    }

    default PacketFaults packetFaults() {
        return faultDriver().packets();
    }

    /** New connections through the load balancer reach a coordinator. */
    default void awaitLoadBalancer() {
        await("a query through the load balancer").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .pollInSameThread().until(() -> {
                    try (Connection c = loadBalancer().connect(); Statement s = c.createStatement()) {
                        return s.execute("SELECT 1");
                    }
                });
    }

    /** Waits until a new connection through the load balancer lands on the named coordinator. */
    default void awaitLoadBalancerRoutesTo(String coordinator) {
        await("the load balancer routing to " + coordinator).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .pollInSameThread().until(() -> {
                    try (Connection c = loadBalancer().connect()) {
                        return coordinator.equals(Endpoint.localNodeName(c));
                    }
                });
    }

    /** Waits until the named PostgreSQL node accepts queries again (after a restart, an unpause, ...). */
    default void awaitAcceptingQueries(String nodeName, Duration bound) {
        Endpoint endpoint = endpoint(nodeName);
        await(nodeName + " accepting queries").atMost(bound).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .pollInSameThread().until(() -> {
                    try (Connection c = endpoint.connectOnce(Duration.ofSeconds(2), Duration.ofSeconds(5));
                         Statement s = c.createStatement()) {
                        return s.execute("SELECT 1");
                    }
                });
    }

    static void execute(Endpoint endpoint, String sql) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("On " + endpoint + ": " + sql + "\n  failed: " + e.getMessage(), e);
        }
    }
}
