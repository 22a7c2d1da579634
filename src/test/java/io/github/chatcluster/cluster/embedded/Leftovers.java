package io.github.chatcluster.cluster.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import org.testcontainers.DockerClientFactory;
import io.github.chatcluster.cluster.ChatCluster;

/**
 * Containers, networks and node template images of runs that died before they could clean up (a JVM killed outright).
 * Each is labelled with its owner (host and process id); the next run on the same host removes
 * those whose owner process is gone. Runs that are alive, here or elsewhere, are never touched.
 */
public final class Leftovers {

    public static final String OWNER_LABEL = ChatCluster.LABEL + ".owner";

    private Leftovers() {
    }

    /** "host:pid" of this JVM. */
    public static String owner() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    public static int removeThoseOfDeadRuns() {
        DockerClient docker = DockerClientFactory.instance().client();
        int removed = 0;
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(OWNER_LABEL)).exec();
        for (Container container : containers) {
            if (ownerIsDead(container.getLabels()) && DockerRemoval.container(container.getId())) {
                removed++;
            }
        }
        for (Network network : docker.listNetworksCmd().withFilter("label", List.of(OWNER_LABEL)).exec()) {
            if (ownerIsDead(network.getLabels())) {
                docker.removeNetworkCmd(network.getId()).exec();
                removed++;
            }
        }
        for (Image image : docker.listImagesCmd().withLabelFilter(OWNER_LABEL).exec()) {
            if (ownerIsDead(image.getLabels()) && DockerRemoval.image(image.getId())) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean ownerIsDead(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(OWNER_LABEL);
        if (owner == null || !owner.startsWith(host() + ":")) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(owner.lastIndexOf(':') + 1));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
