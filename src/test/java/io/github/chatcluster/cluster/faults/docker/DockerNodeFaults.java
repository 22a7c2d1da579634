package io.github.chatcluster.cluster.faults.docker;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.ContainerNetwork;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.NodeFaults;

/**
 * Faults on any node of the cluster, by name, through the Docker API. Unlike
 * {@code GenericContainer.stop()}, a stopped node keeps its container, data and alias, so the
 * outage can end. Every damaged node is remembered, so {@link #healAll()} can restore the cluster.
 */
public class DockerNodeFaults implements NodeFaults {

    private static final Duration READY_AFTER_RESTART = Duration.ofSeconds(60);

    private final ChatCluster cluster;
    private final DockerNodes nodes;
    private final DockerClient docker = DockerClientFactory.instance().client();
    private final Set<String> damaged = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    DockerNodeFaults(ChatCluster cluster, DockerNodes nodes) {
        this.cluster = cluster;
        this.nodes = nodes;
    }

    /** A clean shutdown (SIGTERM/SIGINT, then SIGKILL after 10 s). */
    @Override
    public void stop(String node) {
        damaged.add(node);
        docker.stopContainerCmd(id(node)).withTimeout(10).exec();
    }

    /** The process dies at once (SIGKILL). */
    @Override
    public void kill(String node) {
        damaged.add(node);
        docker.killContainerCmd(id(node)).exec();
    }

    /** The node hangs: its processes are frozen, its TCP port still accepts connections. */
    @Override
    public void pause(String node) {
        damaged.add(node);
        docker.pauseContainerCmd(id(node)).exec();
    }

    /** The node is cut off from the cluster network (a partition); it keeps running. */
    @Override
    public void disconnect(String node) {
        damaged.add(node);
        docker.disconnectFromNetworkCmd().withNetworkId(nodes.networkId()).withContainerId(id(node)).exec();
    }

    /** Starts a stopped or killed node and waits until it serves again. */
    @Override
    public void start(String node) {
        docker.startContainerCmd(id(node)).exec();
        awaitServing(node);
        damaged.remove(node);
    }

    @Override
    public void unpause(String node) {
        docker.unpauseContainerCmd(id(node)).exec();
        awaitServing(node);
        damaged.remove(node);
    }

    @Override
    public void reconnect(String node) {
        docker.connectToNetworkCmd().withNetworkId(nodes.networkId()).withContainerId(id(node))
                .withContainerNetwork(new ContainerNetwork().withAliases(node)).exec();
        awaitServing(node);
        damaged.remove(node);
    }

    @Override
    public boolean isRunning(String node) {
        ContainerState state = docker.inspectContainerCmd(id(node)).exec().getState();
        return Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getPaused());
    }

    @Override
    public Set<String> damagedNodes() {
        synchronized (damaged) {
            return Set.copyOf(damaged);
        }
    }

    /**
     * What Docker says is wrong with the node's container now, whoever caused it: paused, not running, or not
     * on the cluster network under its name. Empty when the container is as the cluster started it.
     */
    @Override
    public java.util.Optional<String> containerFault(String node) {
        var inspect = docker.inspectContainerCmd(id(node)).exec();
        ContainerState state = inspect.getState();
        if (Boolean.TRUE.equals(state.getPaused())) {
            return java.util.Optional.of(node + " is paused");
        }
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return java.util.Optional.of(node + " is not running (" + state.getStatus() + ")");
        }
        ContainerNetwork network = inspect.getNetworkSettings().getNetworks().values().stream()
                .filter(n -> nodes.networkId().equals(n.getNetworkID())).findFirst().orElse(null);
        if (network == null) {
            return java.util.Optional.of(node + " is not connected to the cluster network");
        }
        if (network.getAliases() == null || !network.getAliases().contains(node)) {
            return java.util.Optional.of(node + " is on the cluster network without its name " + node);
        }
        return java.util.Optional.empty();
    }

    /**
     * Brings the node's container back to how the cluster started it (unpaused, started, connected under its
     * name), whatever put it there, and waits until it serves. Returns what was done, empty if nothing.
     */
    @Override
    public java.util.Optional<String> restoreContainer(String node) {
        java.util.Optional<String> fault = containerFault(node);
        if (fault.isEmpty()) {
            damaged.remove(node);
            return fault;
        }
        ContainerState state = docker.inspectContainerCmd(id(node)).exec().getState();
        if (Boolean.TRUE.equals(state.getPaused())) {
            docker.unpauseContainerCmd(id(node)).exec();
        } else if (!Boolean.TRUE.equals(state.getRunning())) {
            docker.startContainerCmd(id(node)).exec();
        }
        if (containerFault(node).filter(f -> f.contains("network")).isPresent()) {
            try {
                docker.disconnectFromNetworkCmd().withNetworkId(nodes.networkId()).withContainerId(id(node))
                        .withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.DockerException notConnected) {
                // it was not on the network at all
            }
            docker.connectToNetworkCmd().withNetworkId(nodes.networkId()).withContainerId(id(node))
                    .withContainerNetwork(new ContainerNetwork().withAliases(node)).exec();
        }
        awaitServing(node);
        damaged.remove(node);
        return fault;
    }

    /** Removes every packet-level fault and brings every node back (see {@link #restoreContainer}); returns what was wrong. */
    @Override
    public java.util.List<String> healAll() {
        java.util.List<String> healed = new java.util.ArrayList<>();
        RuntimeException rulesLeft = null;
        try {
            healed.addAll(cluster.packetFaults().healAll());
        } catch (RuntimeException e) {
            rulesLeft = e; // the containers are brought back all the same; the failure is not forgotten
        }
        for (String node : cluster.allNodes()) {
            restoreContainer(node).ifPresent(healed::add);
        }
        if (rulesLeft != null) {
            throw rulesLeft;
        }
        damaged.clear();
        return healed;
    }

    private void awaitServing(String node) {
        nodes.portsMayHaveChanged();
        if (ChatCluster.LOAD_BALANCER.equals(node)) {
            cluster.awaitLoadBalancer();
        } else {
            cluster.awaitAcceptingQueries(node, READY_AFTER_RESTART);
        }
    }

    private String id(String node) {
        return nodes.containerId(node);
    }
}
