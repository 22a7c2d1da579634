package io.github.chatcluster.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import org.testcontainers.DockerClientFactory;

/**
 * Faults below the container level, set by a helper container that joins the node's network namespace with
 * NET_ADMIN (the fault injector, built from {@code containers/fault-injector}). Unlike a stopped container, a
 * node with such a fault keeps its name in Docker's DNS.
 */
public final class PacketFaults {

    static final String NODE_LABEL = "io.github.chatcluster.fault-injector-for";
    public static final String BASE_PROPERTY = "fault-injector.base";
    public static final String BASE_VARIABLE = "FAULT_INJECTOR_BASE";
    private static final String REPOSITORY = "chat-cluster/fault-injector";

    private final ChatCluster cluster;
    private final Path dockerfileDir;
    private final DockerClient docker = DockerClientFactory.instance().client();

    PacketFaults(ChatCluster cluster, Path dockerfileDir) {
        this.cluster = cluster;
        this.dockerfileDir = dockerfileDir;
    }

    /** The node's port 5432 refuses every connection from other hosts (a TCP reset), while its name still resolves. */
    public void refuseConnections(String node) {
        exec(helper(node), "iptables", "-I", "INPUT", "!", "-i", "lo", "-p", "tcp", "--dport", "5432",
                "-j", "REJECT", "--reject-with", "tcp-reset");
    }

    /** The packet-level faults in force now, one line per node; empty when there are none. */
    public List<String> inForce() {
        List<String> faults = new ArrayList<>();
        for (Container helper : helpers()) {
            String node = helper.getLabels().get(NODE_LABEL);
            String rules = exec(helper.getId(), "iptables", "-S").lines().filter(l -> !l.startsWith("-P")).reduce((a, b) -> a + "; " + b).orElse("");
            if (!rules.isEmpty()) {
                faults.add(node + " has packet filter rules in force: " + rules);
            }
        }
        return faults;
    }

    /** Removes every packet-level fault: the rules, then the helper containers. Returns what was in force. */
    public List<String> healAll() {
        List<String> healed = new ArrayList<>();
        for (Container helper : helpers()) {
            String node = helper.getLabels().get(NODE_LABEL);
            try {
                exec(helper.getId(), "iptables", "-F");
                healed.add("packet filter rules of " + node + " removed");
            } catch (RuntimeException e) {
                healed.add("the fault injector of " + node + " removed (" + HealthyBaseline.firstLine(e.getMessage()) + ")");
            }
            DockerRemoval.container(helper.getId());
        }
        return healed;
    }

    private List<Container> helpers() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ChatCluster.LABEL, cluster.runId())).exec().stream()
                .filter(c -> c.getLabels() != null && c.getLabels().containsKey(NODE_LABEL)).toList();
    }

    private String helper(String node) {
        for (Container helper : helpers()) {
            if (node.equals(helper.getLabels().get(NODE_LABEL)) && "running".equals(helper.getState())) {
                return helper.getId();
            }
        }
        String image = ensureImage();
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("container:" + cluster.container(node).getContainerId())
                .withCapAdd(Capability.NET_ADMIN);
        CpuLimit.cpus().ifPresent(cpus -> host.withNanoCPUs(Math.round(cpus * 1_000_000_000L)));
        String id = docker.createContainerCmd(image).withHostConfig(host)
                .withLabels(Map.of(ChatCluster.LABEL, cluster.runId(), Leftovers.OWNER_LABEL, Leftovers.owner(), NODE_LABEL, node))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** The injector's image, built from containers/fault-injector when this version of it is not there yet. */
    private String ensureImage() {
        String tag = REPOSITORY + ":" + contentHash(dockerfileDir.resolve("Dockerfile"));
        if (!docker.listImagesCmd().withImageNameFilter(tag).exec().isEmpty()) {
            return tag;
        }
        String base = Images.choose(BASE_PROPERTY, BASE_VARIABLE, "");
        var build = docker.buildImageCmd(dockerfileDir.toFile()).withTags(Set.of(tag));
        if (!base.isBlank()) {
            build.withBuildArg("BASE", base);
        }
        try {
            build.start().awaitImageId(10, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The fault injector image " + tag + " could not be built from "
                    + dockerfileDir + " (base " + (base.isBlank() ? "debian:trixie-slim" : base) + "): "
                    + HealthyBaseline.firstLine(e.getMessage()) + ". Give a Debian base image you have with -D"
                    + BASE_PROPERTY + "=... (or " + BASE_VARIABLE + "), or build it ahead with `bash .ci/setup`.", e);
        }
        return tag;
    }

    static String contentHash(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String exec(String containerId, String... command) {
        String execId = docker.execCreateCmd(containerId).withCmd(command).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.writeBytes(frame.getPayload());
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        String output = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (exit == null || exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "): " + output.strip());
        }
        return output;
    }
}
