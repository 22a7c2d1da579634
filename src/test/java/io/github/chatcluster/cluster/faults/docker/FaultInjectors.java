package io.github.chatcluster.cluster.faults.docker;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import org.testcontainers.DockerClientFactory;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.embedded.CpuLimit;
import io.github.chatcluster.cluster.embedded.DockerRemoval;
import io.github.chatcluster.cluster.embedded.Leftovers;

/**
 * The fault injectors: one helper container per node, in that node's network namespace with NET_ADMIN, kept for
 * the run and used for every packet filter command on the node. A helper belongs to one namespace: when its node
 * was restarted (a new namespace, its sandbox key changed), the helper is replaced before it is used again.
 */
final class FaultInjectors {

    static final String NODE_LABEL = "io.github.chatcluster.fault-injector-for";
    private static final String SANDBOX_LABEL = "io.github.chatcluster.fault-injector-sandbox";
    private static final long EXEC_BOUND_SECONDS = 30;

    private final ChatCluster cluster;
    private final DockerNodes nodes;
    private final FaultInjectorImage image;
    private final DockerClient docker = DockerClientFactory.instance().client();

    FaultInjectors(ChatCluster cluster, DockerNodes nodes, Path dockerfileDir) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.image = new FaultInjectorImage(dockerfileDir);
    }

    /** The node's network namespace now, or empty when its container is not running (then it has none, and no rules). */
    Optional<String> namespace(String node) {
        InspectContainerResponse inspect = docker.inspectContainerCmd(nodes.containerId(node)).exec();
        if (!Boolean.TRUE.equals(inspect.getState().getRunning())) {
            return Optional.empty();
        }
        return Optional.ofNullable(inspect.getNetworkSettings().getSandboxKey()).filter(k -> !k.isBlank());
    }

    /** The helper in the node's current namespace, started if there is none (a stale one is removed first). */
    synchronized String helper(String node, String namespace) {
        for (Container helper : helpers()) {
            if (!node.equals(helper.getLabels().get(NODE_LABEL))) {
                continue;
            }
            if ("running".equals(helper.getState()) && namespace.equals(helper.getLabels().get(SANDBOX_LABEL))) {
                return helper.getId();
            }
            DockerRemoval.container(helper.getId()); // its node was restarted: the helper sees a namespace that is gone
        }
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("container:" + nodes.containerId(node))
                .withCapAdd(Capability.NET_ADMIN);
        CpuLimit.cpus().ifPresent(cpus -> host.withNanoCPUs(Math.round(cpus * 1_000_000_000L)));
        String id = docker.createContainerCmd(image.ensure()).withName(nodes.containerName("faults-" + node)).withHostConfig(host)
                .withLabels(Map.of(ChatCluster.LABEL, cluster.runId(), Leftovers.OWNER_LABEL, Leftovers.owner(),
                        NODE_LABEL, node, SANDBOX_LABEL, namespace))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** Every helper of this cluster, running or not. */
    List<Container> helpers() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ChatCluster.LABEL, cluster.runId())).exec().stream()
                .filter(c -> c.getLabels() != null && c.getLabels().containsKey(NODE_LABEL)).toList();
    }

    /** Removes every helper (when the cluster is removed: they share the nodes' namespaces, so they go first). */
    void removeAll() {
        DockerRemoval.containers(helpers().stream().map(Container::getId).toList());
    }

    void execDetached(String containerId, String... command) {
        String execId = docker.execCreateCmd(containerId).withCmd(command).exec().getId();
        docker.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<Frame>());
    }

    /** Runs the command in the helper and returns its output; fails when it fails or does not end within its bound. */
    String exec(String containerId, String... command) {
        String execId = docker.execCreateCmd(containerId).withCmd(command).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ended;
        try (ResultCallback.Adapter<Frame> callback = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (out) {
                    out.writeBytes(frame.getPayload());
                }
            }
        })) {
            ended = callback.awaitCompletion(EXEC_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!ended) {
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + EXEC_BOUND_SECONDS + " s");
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        String output;
        synchronized (out) {
            output = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (exit == null || exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "): " + output.strip());
        }
        return output;
    }
}
