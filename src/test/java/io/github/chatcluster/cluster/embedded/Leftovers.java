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
 * Containers, networks, volumes and node template images of runs that died before they could clean up (a JVM killed outright).
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

    /**
     * Removes every container, network and volume this JVM started, all at once: what the shutdown hook does first when the
     * run is interrupted, since Surefire stops the fork a few seconds after Maven's own shutdown.
     */
    public static void removeEverythingOfThisRun() {
        DockerClient docker = DockerClientFactory.instance().client();
        Map<String, String> mine = Map.of(OWNER_LABEL, owner());
        DockerRemoval.containers(docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec().stream()
                .map(Container::getId).toList());
        for (Network network : docker.listNetworksCmd().withFilter("label", List.of(OWNER_LABEL + "=" + owner())).exec()) {
            try {
                docker.removeNetworkCmd(network.getId()).exec();
            } catch (RuntimeException e) {
                System.err.println("could not remove the network " + network.getName() + ": " + e.getMessage());
            }
        }
        volumes(docker, OWNER_LABEL + "=" + owner()).forEach(v -> DockerRemoval.volume(v.getName()));
    }

    /** The named volumes with the label (the nodes' data of a cluster that can be upgraded, {@link NodeVolumes}). */
    private static List<com.github.dockerjava.api.command.InspectVolumeResponse> volumes(DockerClient docker, String label) {
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
        return volumes == null ? List.of() : volumes;
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
        for (var volume : volumes(docker, OWNER_LABEL)) {
            if (ownerIsDead(volume.getLabels()) && DockerRemoval.volume(volume.getName())) {
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
