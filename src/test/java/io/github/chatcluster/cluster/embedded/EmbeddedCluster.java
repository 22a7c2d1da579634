package io.github.chatcluster.cluster.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterFormation;
import io.github.chatcluster.cluster.ClusterTimings;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SpareWorker;
import io.github.chatcluster.cluster.faults.FaultDriver;
import io.github.chatcluster.cluster.faults.docker.DockerFaultDriver;
import io.github.chatcluster.cluster.faults.docker.DockerNodes;

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
 * node by its name through the {@link DockerFaultDriver}.
 */
public class EmbeddedCluster implements ChatCluster, Startable, DockerNodes {

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Network network;
    /** By name; a replaced node's entry gets its new container (read by the clients' threads, {@link ContainerAddress}). */
    private final Map<String, GenericContainer<?>> nodes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, RecentLog> recentLogs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new java.util.concurrent.ConcurrentHashMap<>();
    private final ContainerAddress.Ports ports = new ContainerAddress.Ports();
    private final NodeTemplate template;
    private final DockerFaultDriver faults;
    private final Path schema;
    private final Path formation;
    private final ClusterTimings timings = new ClusterTimings();
    private final SpareWorkerContainer spare;
    /** Each node's data on a volume of its own, when its nodes can be replaced (null otherwise). */
    private final NodeVolumes volumes;
    private final NodeReplacements replacements;
    private final ContainerNames names;

    /** The cluster named in the reports {@code name} (cluster-2): its containers are named after it ({@link ContainerNames}). */
    public EmbeddedCluster(String name, DockerImageName citusImage, DockerImageName nginxImage, Path projectDir) {
        this(name, citusImage, nginxImage, projectDir, false);
    }

    /**
     * A cluster whose nodes can be started again from another image with their own data ({@link #nodeReplacement()}):
     * each node's data directory on a volume of its own. For the rolling upgrade, which starts one from the old release.
     */
    public static EmbeddedCluster withReplaceableNodes(String name, DockerImageName citusImage, DockerImageName nginxImage, Path projectDir) {
        return new EmbeddedCluster(name, citusImage, nginxImage, projectDir, true);
    }

    private EmbeddedCluster(String name, DockerImageName citusImage, DockerImageName nginxImage, Path projectDir, boolean replaceable) {
        this.names = new ContainerNames(name);
        Path citusConfig = projectDir.resolve("containers/citus");
        this.schema = projectDir.resolve("containers/schema/chat-schema.sql");
        this.formation = citusConfig.resolve("form-cluster.sql");
        this.network = Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(LABEL, runId, Leftovers.OWNER_LABEL, Leftovers.owner())))
                .build();

        this.volumes = replaceable ? new NodeVolumes(runId, Map.of(LABEL, runId, Leftovers.OWNER_LABEL, Leftovers.owner())) : null;
        this.replacements = replaceable ? new NodeReplacements(this, citusConfig) : null;
        // kept for later runs: labelled as the suite's, with no owner (a run's leftovers are not it)
        this.template = NodeTemplate.shared(citusImage, citusConfig, Map.of(LABEL, "node-template"));

        citusNode(COORDINATOR_1, citusConfig);
        citusNode(COORDINATOR_2, citusConfig);
        WORKERS.forEach(worker -> citusNode(worker, citusConfig));
        nodes.put(LOAD_BALANCER, new LoadBalancerContainer(nginxImage, LOAD_BALANCER)
                .withConfiguration(projectDir.resolve("nginx/nginx.conf"))
                .withNetwork(network)
                .withLabel(LABEL, runId)
                .withLabel(Leftovers.OWNER_LABEL, Leftovers.owner())
                .withCreateContainerCmdModifier(cmd -> cmd.withName(names.next(LOAD_BALANCER))));
        nodes.forEach((node, container) -> {
            RecentLog log = new RecentLog();
            recentLogs.put(node, log);
            container.withLogConsumer(log);
        });
        this.faults = new DockerFaultDriver(this, this, projectDir.resolve("containers/fault-injector"));
        this.spare = new SpareWorkerContainer(() -> newCitusNode(SpareWorker.NAME, citusConfig), ports);
    }

    private void citusNode(String name, Path citusConfig) {
        nodes.put(name, newCitusNode(name, citusConfig));
    }

    private CitusContainer newCitusNode(String name, Path citusConfig) {
        return onTheClusterNetwork(new CitusContainer(template.image(), name)
                .copiedFromTemplate()
                .withKernelSettings(citusConfig));
    }

    /** The cluster's network, labels, the container's name and (when its nodes can be replaced) the node's own data volume. */
    CitusContainer onTheClusterNetwork(CitusContainer node) {
        node.withNetwork(network).withLabel(LABEL, runId).withLabel(Leftovers.OWNER_LABEL, Leftovers.owner())
                .withCreateContainerCmdModifier(cmd -> cmd.withName(names.next(node.nodeName())));
        return volumes == null ? node : volumes.mountFor(node);
    }

    /** A node's new container (a replaced node): its log is kept from now on, and the clients find its new port. */
    void replaced(String nodeName, CitusContainer container, RecentLog log) {
        recentLogs.put(nodeName, log);
        nodes.put(nodeName, container);
        ports.mayHaveChanged();
    }

    @Override
    public java.util.Optional<io.github.chatcluster.cluster.NodeReplacement> nodeReplacement() {
        return java.util.Optional.ofNullable(replacements);
    }

    /** An empty Citus node of the same image and settings, started on the cluster network when a scenario asks for it. */
    @Override
    public java.util.Optional<SpareWorker> spareWorker() {
        return java.util.Optional.of(spare);
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
            template.ensure();
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

    /** Removes every container (in parallel, forced, with its volumes) and then the network. */
    @Override
    public void stop() {
        try {
            faults.close(); // the fault injectors share the nodes' network namespaces: they go first
        } catch (RuntimeException e) {
            System.err.println("could not remove the fault injectors: " + e.getMessage());
        }
        List<String> ids = new java.util.ArrayList<>(List.copyOf(nodes.values()).stream().map(GenericContainer::getContainerId)
                .filter(java.util.Objects::nonNull).toList());
        if (spare.containerId() != null) {
            ids.add(spare.containerId());
        }
        DockerRemoval.containers(ids);
        if (volumes != null) {
            volumes.removeAll();
        }
        try {
            network.close();
        } catch (RuntimeException e) {
            System.err.println("could not remove the network: " + e.getMessage());
        }
        template.awaitRemoval();
    }

    @Override
    public Endpoint endpoint(String nodeName) {
        if (SpareWorker.NAME.equals(nodeName)) {
            return spare.endpoint();
        }
        return endpoints.computeIfAbsent(nodeName, name -> {
            int port = container(name) instanceof LoadBalancerContainer ? LoadBalancerContainer.PORT : CitusContainer.PORT;
            return new Endpoint(name, new ContainerAddress(name, () -> container(name), port, ports), CitusContainer.CREDENTIALS);
        });
    }

    @Override
    public List<String> allNodes() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public String containerId(String nodeName) {
        if (SpareWorker.NAME.equals(nodeName)) {
            return spare.containerId();
        }
        return container(nodeName).getContainerId();
    }

    @Override
    public void portsMayHaveChanged() {
        ports.mayHaveChanged();
    }

    @Override
    public String networkId() {
        return network.getId();
    }

    @Override
    public boolean startedByThisRun() {
        return true;
    }

    @Override
    public String containerName(String role) {
        return names.next(role);
    }

    GenericContainer<?> container(String nodeName) {
        GenericContainer<?> container = nodes.get(nodeName);
        if (container == null) {
            throw new IllegalArgumentException("No node named '" + nodeName + "'; the nodes are " + nodes.keySet());
        }
        return container;
    }

    /** The node's log so far. */
    @Override
    public String logs(String nodeName) {
        return container(nodeName).getLogs();
    }

    @Override
    public FaultDriver faultDriver() {
        return faults;
    }

    @Override
    public ClusterTimings timings() {
        return timings;
    }

    @Override
    public String runId() {
        return runId;
    }
}
