package io.github.chatcluster.cluster.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.DockerClientFactory;

/**
 * Each node's data directory on a named volume of its own, so that the node's container can be removed and a new one
 * started from another image with the same data: what a rolling upgrade does. The volume is created empty and labelled
 * with the run (so that a killed run's volumes are removed by the next one, {@link Leftovers}); Docker copies the node
 * template's data directory into it when the first container mounts it. The volume is mounted at the data directory the
 * suite sets ({@code PGDATA}, {@link CitusContainer#DATA_DIR}), whatever the image's own default is (the PostgreSQL 17
 * and 18 images keep theirs in different places).
 */
final class NodeVolumes {

    private final String runId;
    private final Map<String, String> labels;
    private final Map<String, String> volumes = new ConcurrentHashMap<>();

    NodeVolumes(String runId, Map<String, String> labels) {
        this.runId = runId;
        this.labels = Map.copyOf(labels);
    }

    /** The node's volume, created the first time it is asked for. */
    String of(String nodeName) {
        return volumes.computeIfAbsent(nodeName, node -> {
            String name = "chat-cluster-" + runId + "-" + node;
            DockerClientFactory.instance().client().createVolumeCmd().withName(name).withLabels(labels).exec();
            return name;
        });
    }

    /** Mounts the node's volume at its data directory. */
    CitusContainer mountFor(CitusContainer node) {
        String volume = of(node.nodeName());
        return node.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withBinds(new Bind(volume, new Volume(CitusContainer.DATA_DIR))));
    }

    /** Removes every node's volume (their containers are gone by then). */
    void removeAll() {
        volumes.values().forEach(DockerRemoval::volume);
        volumes.clear();
    }
}
