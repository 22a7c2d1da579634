package io.github.chatcluster.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The chat cluster, as in the architecture picture:
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
 * One node is initialised and copied into the six Citus nodes ({@link NodeTemplate}); the nodes and the load
 * balancer start in parallel; the cluster is then formed through coordinator-1, the chat schema of
 * {@code containers/schema} is deployed, and the load balancer is checked. Faults are injected on any
 * node by its name through {@link NodeFaults}.
 */
public class ChatCluster implements Startable {

    public static final String COORDINATOR_1 = "coordinator-1";
    public static final String COORDINATOR_2 = "coordinator-2";
    public static final List<String> WORKERS = List.of("worker-1", "worker-2", "worker-3", "worker-4");
    public static final String LOAD_BALANCER = "load-balancer";
    /** How many copies of each shard a healthy cluster keeps (restored after a scenario damaged it). */
    public static final int SHARD_COPIES = 2;

    /** Label on every container and network of a run, so a crashed run's leftovers can be found. */
    public static final String LABEL = "io.github.chatcluster.suite";

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Network network;
    private final Map<String, GenericContainer<?>> nodes = new LinkedHashMap<>();
    private final Map<String, RecentLog> recentLogs = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new java.util.concurrent.ConcurrentHashMap<>();
    private final NodeTemplate template;
    private final NodeFaults faults;
    private final PacketFaults packetFaults;
    private final Path schema;
    private final Path formation;
    private final ClusterTimings timings = new ClusterTimings();

    public ChatCluster(DockerImageName citusImage, DockerImageName nginxImage, Path projectDir) {
        Path citusConfig = projectDir.resolve("containers/citus");
        this.schema = projectDir.resolve("containers/schema/chat-schema.sql");
        this.formation = citusConfig.resolve("form-cluster.sql");
        this.network = Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(LABEL, runId, Leftovers.OWNER_LABEL, Leftovers.owner())))
                .build();

        this.template = new NodeTemplate(citusImage, citusConfig, runId,
                Map.of(LABEL, runId, Leftovers.OWNER_LABEL, Leftovers.owner()));

        citusNode(COORDINATOR_1, citusConfig);
        citusNode(COORDINATOR_2, citusConfig);
        WORKERS.forEach(worker -> citusNode(worker, citusConfig));
        nodes.put(LOAD_BALANCER, new LoadBalancerContainer(nginxImage, LOAD_BALANCER)
                .withConfiguration(projectDir.resolve("nginx/nginx.conf"))
                .withNetwork(network)
                .withLabel(LABEL, runId)
                .withLabel(Leftovers.OWNER_LABEL, Leftovers.owner()));
        nodes.forEach((name, container) -> {
            RecentLog log = new RecentLog();
            recentLogs.put(name, log);
            container.withLogConsumer(log);
        });
        this.faults = new NodeFaults(this);
        this.packetFaults = new PacketFaults(this, projectDir.resolve("containers/fault-injector"));
    }

    private void citusNode(String name, Path citusConfig) {
        nodes.put(name, new CitusContainer(template.image(), name)
                .copiedFromTemplate()
                .withKernelSettings(citusConfig)
                .withNetwork(network)
                .withLabel(LABEL, runId)
                .withLabel(Leftovers.OWNER_LABEL, Leftovers.owner()));
    }

    @Override
    public void start() {
        int leftovers = Leftovers.removeThoseOfDeadRuns();
        if (leftovers > 0) {
            System.err.println("removed " + leftovers + " containers, networks and images left behind by an earlier run that was killed");
        }
        timings.started();
        var loadBalancer = Startables.deepStart(nodes.get(LOAD_BALANCER));
        try {
            template.prepare();
            timings.templateReady();
            Startables.deepStart(databaseNodes().stream().map(nodes::get)).join();
            loadBalancer.join();
        } catch (RuntimeException e) {
            loadBalancer.exceptionally(ignored -> null).join(); // so that stop() finds its container
            throw launchFailure(e);
        }
        timings.containersReady();
        ClusterFormation.form(this, formation);
        timings.formed();
        ClusterFormation.deploySchema(this, schema);
        timings.schemaDeployed();
        awaitLoadBalancer();
        timings.ready();
    }

    private RuntimeException launchFailure(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ContainerLaunchException)) {
            cause = cause.getCause();
        }
        StringBuilder message = new StringBuilder("The chat cluster did not start: ").append(cause.getMessage());
        nodes.forEach((name, container) -> {
            if (container.getContainerId() != null && !container.isRunning()) {
                message.append("\n  ").append(name).append(" did not start; its last log lines:\n")
                        .append(recentLogs.get(name).text());
            }
        });
        return new IllegalStateException(message.toString(), e);
    }

    private static String lastLines(GenericContainer<?> container, int count) {
        try {
            List<String> lines = container.getLogs().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()))
                    .indent(4);
        } catch (RuntimeException e) {
            return "    (logs unavailable: " + e.getMessage() + ")";
        }
    }

    /** New connections through the load balancer reach a coordinator. */
    public void awaitLoadBalancer() {
        await("a query through the load balancer").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection c = loadBalancer().connect(); Statement s = c.createStatement()) {
                        return s.execute("SELECT 1");
                    }
                });
    }

    /** Waits until a new connection through the load balancer lands on the named coordinator. */
    public void awaitLoadBalancerRoutesTo(String coordinator) {
        await("the load balancer routing to " + coordinator).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    try (Connection c = loadBalancer().connect()) {
                        return coordinator.equals(Endpoint.localNodeName(c));
                    }
                });
    }

    /** Waits until the named PostgreSQL node accepts queries again (after a restart, an unpause, ...). */
    public void awaitAcceptingQueries(String nodeName, Duration bound) {
        Endpoint endpoint = endpoint(nodeName);
        await(nodeName + " accepting queries").atMost(bound).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    try (Connection c = endpoint.connectOnce(Duration.ofSeconds(2), Duration.ofSeconds(5));
                         Statement s = c.createStatement()) {
                        return s.execute("SELECT 1");
                    }
                });
    }

    /** Removes every container (in parallel, forced, with its volumes) and then the network. */
    @Override
    public void stop() {
        try {
            packetFaults.healAll(); // the fault injectors share the nodes' network namespaces: they go first
        } catch (RuntimeException e) {
            System.err.println("could not remove the fault injectors: " + e.getMessage());
        }
        nodes.values().parallelStream().map(GenericContainer::getContainerId).filter(java.util.Objects::nonNull)
                .forEach(DockerRemoval::container);
        try {
            network.close();
        } catch (RuntimeException e) {
            System.err.println("could not remove the network: " + e.getMessage());
        }
        template.remove();
    }

    public Endpoint coordinator1() {
        return endpoint(COORDINATOR_1);
    }

    public Endpoint coordinator2() {
        return endpoint(COORDINATOR_2);
    }

    public Endpoint loadBalancer() {
        return endpoint(LOAD_BALANCER);
    }

    public Endpoint endpoint(String nodeName) {
        return endpoints.computeIfAbsent(nodeName, name -> {
            GenericContainer<?> container = container(name);
            int port = container instanceof LoadBalancerContainer ? LoadBalancerContainer.PORT : CitusContainer.PORT;
            return new Endpoint(name, container, port);
        });
    }

    /** Every PostgreSQL node: the coordinators, then the workers. */
    public List<String> databaseNodes() {
        return Stream.concat(Stream.of(COORDINATOR_1, COORDINATOR_2), WORKERS.stream()).toList();
    }

    public List<String> allNodes() {
        return List.copyOf(nodes.keySet());
    }

    GenericContainer<?> container(String nodeName) {
        GenericContainer<?> container = nodes.get(nodeName);
        if (container == null) {
            throw new IllegalArgumentException("No node named '" + nodeName + "'; the nodes are " + nodes.keySet());
        }
        return container;
    }

    /** The last lines of the node's log, for a failure report. */
    public String lastLogLines(String nodeName, int count) {
        try {
            return lastLines(container(nodeName), count);
        } catch (RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The node's log so far. */
    public String logs(String nodeName) {
        return container(nodeName).getLogs();
    }

    Network network() {
        return network;
    }

    public NodeFaults faults() {
        return faults;
    }

    public PacketFaults packetFaults() {
        return packetFaults;
    }

    public ClusterTimings timings() {
        return timings;
    }

    public String runId() {
        return runId;
    }

    static void execute(Endpoint endpoint, String sql) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("On " + endpoint + ": " + sql + "\n  failed: " + e.getMessage(), e);
        }
    }
}
