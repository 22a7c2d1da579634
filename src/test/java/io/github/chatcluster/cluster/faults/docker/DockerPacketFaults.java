package io.github.chatcluster.cluster.faults.docker;

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
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.cluster.embedded.CpuLimit;
import io.github.chatcluster.cluster.embedded.DockerRemoval;
import io.github.chatcluster.cluster.embedded.Images;
import io.github.chatcluster.cluster.embedded.Leftovers;
import io.github.chatcluster.cluster.faults.PacketFaults;

/**
 * Faults below the container level, set by a helper container that joins the node's network namespace with
 * NET_ADMIN (the fault injector, built from {@code containers/fault-injector}). Unlike a stopped container, a
 * node with such a fault keeps its name in Docker's DNS.
 */
public final class DockerPacketFaults implements PacketFaults {

    static final String NODE_LABEL = "io.github.chatcluster.fault-injector-for";
    public static final String BASE_PROPERTY = "fault-injector.base";
    public static final String BASE_VARIABLE = "FAULT_INJECTOR_BASE";
    private static final String REPOSITORY = "chat-cluster/fault-injector";
    /** Every rule the suite sets carries a comment "chat-fault:<fault>", so that one fault can be healed on its own. */
    private static final String COMMENT_PREFIX = "chat-fault:";

    private final ChatCluster cluster;
    private final DockerNodes nodes;
    private final Path dockerfileDir;
    private final DockerClient docker = DockerClientFactory.instance().client();

    DockerPacketFaults(ChatCluster cluster, DockerNodes nodes, Path dockerfileDir) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.dockerfileDir = dockerfileDir;
    }

    /** The node's port 5432 refuses every connection from other hosts (a TCP reset), while its name still resolves. */
    @Override
    public void refuseConnections(String node) {
        rule(node, "refuse", "-I", "INPUT", "!", "-i", "lo", "-p", "tcp", "--dport", "5432",
                "-j", "REJECT", "--reject-with", "tcp-reset");
    }

    /**
     * A silent death: every packet to and from the node is dropped (no reset, no ICMP), its process runs on and its
     * name still resolves. Loopback, and so Docker's DNS inside the node, is left alone.
     */
    @Override
    public void dieSilently(String node) {
        rule(node, "silent-death", "-I", "INPUT", "!", "-i", "lo", "-j", "DROP");
        rule(node, "silent-death", "-I", "OUTPUT", "!", "-o", "lo", "-j", "DROP");
    }

    /**
     * The node's answers to clients outside the cluster are dropped: packets from its port 5432 to the cluster
     * network's gateway, where connections through a published port come from. What clients send still arrives, so
     * a COMMIT is carried out and only its answer is lost. The node's traffic with the other nodes and nginx is
     * untouched.
     */
    @Override
    public void loseAnswersToOutsideClients(String node) {
        rule(node, "answers-lost", "-I", "OUTPUT", "-p", "tcp", "--sport", "5432", "-d", gateway(node), "-j", "DROP");
    }

    /** Every packet between the two nodes is dropped, in both directions; both stay reachable from every other node. */
    @Override
    public void cutLink(String node, String peer) {
        String address = address(peer);
        rule(node, "cut:" + peer, "-I", "INPUT", "!", "-i", "lo", "-s", address, "-j", "DROP");
        rule(node, "cut:" + peer, "-I", "OUTPUT", "!", "-o", "lo", "-d", address, "-j", "DROP");
    }

    /** The node loses the given share of its packets, each direction on its own (iptables' statistic match). */
    @Override
    public void losePackets(String node, int percent) {
        String probability = String.format(java.util.Locale.ROOT, "%.4f", percent / 100.0);
        for (String[] chain : new String[][] {{"INPUT", "-i"}, {"OUTPUT", "-o"}}) {
            rule(node, "loss:" + percent, "-I", chain[0], "!", chain[1], "lo", "-m", "statistic", "--mode", "random",
                    "--probability", probability, "-j", "DROP");
        }
    }

    /**
     * Every packet between the node and each peer, both directions, is held for the delay in user space (NFQUEUE and
     * the injector's hold-packets program: this kernel has no netem). With --queue-bypass a packet passes undelayed
     * when the program is not running, so a fault injector that died leaves no black hole behind.
     */
    @Override
    public void delay(String node, List<String> peers, int millis) {
        String helper = helper(node);
        execDetached(helper, "hold-packets", "0", Integer.toString(millis));
        for (String peer : peers) {
            String address = address(peer);
            rule(node, "delay:" + peer, "-A", "INPUT", "!", "-i", "lo", "-s", address, "-j", "NFQUEUE", "--queue-num", "0", "--queue-bypass");
            rule(node, "delay:" + peer, "-A", "OUTPUT", "!", "-o", "lo", "-d", address, "-j", "NFQUEUE", "--queue-num", "0", "--queue-bypass");
        }
    }

    /** Heals the faults on the node whose name starts with the prefix ("cut:worker-3", "silent-death", ...). */
    @Override
    public void heal(String node, String faultPrefix) {
        String helper = helper(node);
        for (String line : exec(helper, "iptables", "-S").replace("\"", "").lines().toList()) {
            if (line.startsWith("-A ") && line.contains("--comment " + COMMENT_PREFIX + faultPrefix)) {
                List<String> delete = new ArrayList<>(List.of("iptables", "-D"));
                delete.addAll(List.of(line.substring(3).split(" ")));
                exec(helper, delete.toArray(String[]::new));
            }
        }
    }

    /** The packet-level faults in force now, one line per node; empty when there are none. */
    @Override
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
    @Override
    public List<String> healAll() {
        List<String> healed = new ArrayList<>();
        for (Container helper : helpers()) {
            String node = helper.getLabels().get(NODE_LABEL);
            try {
                String faults = faultNames(exec(helper.getId(), "iptables", "-S"));
                exec(helper.getId(), "iptables", "-F");
                healed.add(faults.isEmpty() ? "the idle fault injector of " + node + " removed"
                        : "packet filter rules of " + node + " removed (" + faults + ")");
            } catch (RuntimeException e) {
                healed.add("the fault injector of " + node + " removed (" + Text.firstLine(e.getMessage()) + ")");
            }
            DockerRemoval.container(helper.getId());
        }
        return healed;
    }

    static String faultNames(String rules) {
        return rules.replace("\"", "").lines().map(l -> {
            int at = l.indexOf("--comment " + COMMENT_PREFIX);
            return at < 0 ? null : l.substring(at + 10 + COMMENT_PREFIX.length()).split(" ")[0];
        }).filter(java.util.Objects::nonNull).distinct().collect(java.util.stream.Collectors.joining(", "));
    }

    private void rule(String node, String fault, String... rule) {
        List<String> command = new ArrayList<>(List.of("iptables"));
        command.addAll(List.of(rule));
        command.addAll(List.of("-m", "comment", "--comment", COMMENT_PREFIX + fault));
        exec(helper(node), command.toArray(String[]::new));
    }

    /** The node's address on the cluster network, read now (a restarted container may come back with another one). */
    String address(String node) {
        var networks = docker.inspectContainerCmd(nodes.containerId(node)).exec().getNetworkSettings().getNetworks();
        return networks.values().stream().map(n -> n.getIpAddress()).filter(a -> a != null && !a.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException(node + " has no address on the cluster network"));
    }

    /** The gateway of the node's network: the source of connections that come in through published ports. */
    private String gateway(String node) {
        var networks = docker.inspectContainerCmd(nodes.containerId(node)).exec().getNetworkSettings().getNetworks();
        return networks.values().stream().map(n -> n.getGateway()).filter(a -> a != null && !a.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException(node + " has no gateway on the cluster network"));
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
                .withNetworkMode("container:" + nodes.containerId(node))
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
        String tag = REPOSITORY + ":" + contentHash(dockerfileDir);
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
                    + Text.firstLine(e.getMessage()) + ". Give a Debian base image you have with -D"
                    + BASE_PROPERTY + "=... (or " + BASE_VARIABLE + "), or build it ahead with `bash .ci/setup`.", e);
        }
        return tag;
    }

    /** The hash of the directory's files, concatenated in name order (as .ci/setup computes it). */
    static String contentHash(Path dir) {
        try (var files = Files.list(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                sha.update(Files.readAllBytes(file));
            }
            byte[] digest = sha.digest();
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execDetached(String containerId, String... command) {
        String execId = docker.execCreateCmd(containerId).withCmd(command).exec().getId();
        docker.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<Frame>());
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
