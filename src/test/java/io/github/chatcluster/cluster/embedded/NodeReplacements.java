package io.github.chatcluster.cluster.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import io.github.chatcluster.cluster.NodeReplacement;

/**
 * Replaces a node of an {@link EmbeddedCluster} whose data is on volumes: a clean stop, the container removed, a new
 * one from the other image with the node's volume, name, network, labels and the cluster settings of
 * {@code containers/citus}. The new container finds its data directory and starts without initialising.
 */
final class NodeReplacements implements NodeReplacement {

    private static final int STOP_SECONDS = 30;

    private final EmbeddedCluster cluster;
    private final Path citusConfig;

    NodeReplacements(EmbeddedCluster cluster, Path citusConfig) {
        this.cluster = cluster;
        this.citusConfig = citusConfig;
    }

    @Override
    public String imageOf(String nodeName) {
        return cluster.container(nodeName).getDockerImageName();
    }

    @Override
    public Replaced replace(String nodeName, String image) {
        GenericContainer<?> old = cluster.container(nodeName);
        if (!(old instanceof CitusContainer)) {
            throw new IllegalArgumentException(nodeName + " is not a Citus node");
        }
        long began = System.nanoTime();
        var docker = DockerClientFactory.instance().client();
        docker.stopContainerCmd(old.getContainerId()).withTimeout(STOP_SECONDS).exec();
        DockerRemoval.container(old.getContainerId());
        Duration stopped = Duration.ofNanos(System.nanoTime() - began);
        CitusContainer next = cluster.onTheClusterNetwork(new CitusContainer(DockerImageName.parse(image), nodeName)
                .withExistingData()
                .withClusterSettings(citusConfig));
        RecentLog log = new RecentLog();
        next.withLogConsumer(log);
        try {
            next.start();
        } catch (RuntimeException e) {
            if (next.getContainerId() != null) {
                DockerRemoval.container(next.getContainerId());
            }
            throw new IllegalStateException(nodeName + " did not start again from " + image + " with its own data: "
                    + e.getMessage() + "\n  its last log lines:\n" + log.text(), e);
        }
        // only now: until then the clients find the old container's port and are refused, as by a stopped node
        cluster.replaced(nodeName, next, log);
        return new Replaced(nodeName, image, stopped, Duration.ofNanos(System.nanoTime() - began));
    }
}
