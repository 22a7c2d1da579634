package io.github.chatcluster.cluster.faults.docker;

import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.DriverKind;
import io.github.chatcluster.cluster.faults.FaultDriver;
import io.github.chatcluster.cluster.faults.NodeFaults;
import io.github.chatcluster.cluster.faults.PacketFaults;

/** Faults through the Docker API, on the containers of the nodes (the suite's own, or named in a configuration). */
public final class DockerFaultDriver implements FaultDriver {

    private final DockerNodes containers;
    private final DockerNodeFaults nodes;
    private final DockerPacketFaults packets;

    public DockerFaultDriver(ChatCluster cluster, DockerNodes containers, Path faultInjectorDir) {
        this.containers = containers;
        this.nodes = new DockerNodeFaults(cluster, containers);
        this.packets = new DockerPacketFaults(cluster, containers, faultInjectorDir);
    }

    @Override
    public DriverKind kind() {
        return DriverKind.DOCKER;
    }

    @Override
    public boolean canInjectFaults() {
        return true;
    }

    @Override
    public NodeFaults nodes() {
        return nodes;
    }

    @Override
    public PacketFaults packets() {
        return packets;
    }

    /** SIGHUP, as {@code nginx -s reload} does; it works on any nginx image. */
    @Override
    public void reloadLoadBalancer() {
        DockerClientFactory.instance().client().killContainerCmd(containers.containerId(ChatCluster.LOAD_BALANCER))
                .withSignal("HUP").exec();
    }

    @Override
    public void close() {
        packets.removeInjectors();
    }

    @Override
    public void pauseBehindTheSuitesBack(String node) {
        DockerClientFactory.instance().client().pauseContainerCmd(containers.containerId(node)).exec();
    }
}
