package io.github.chatcluster.cluster.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.utility.DockerImageName;

/**
 * One initialised Citus node, copied six times: a start-up shortcut, not part of the system under test.
 *
 * <p>Initialising a node (initdb, {@code CREATE EXTENSION citus}, the init scripts of {@code containers/citus})
 * is the expensive part of its start, and six at once are CPU-bound on a small machine. So one node is
 * initialised from the configured Citus image with this run's {@code containers/citus}, stopped cleanly and
 * committed as a run-local image; the six nodes start from that image, find a data directory, and skip
 * initialisation (the image's documented behaviour). The data directory lives outside the image's volume
 * ({@link CitusContainer#DATA_DIR}) so that the commit keeps it.
 *
 * <p>Copies share one Citus server id, and Citus uses it to refuse adding a node to itself ("Node cannot add
 * itself as a worker"), so each copy draws a new one ({@link #giveOwnIdentity}) before the cluster is formed.
 * The run-local image is removed with the cluster; a killed run's image is removed by the next run
 * ({@link Leftovers}).
 */
final class NodeTemplate {

    private static final String REPOSITORY = "chat-cluster/citus-node-template";

    private final DockerImageName baseImage;
    private final Path citusConfig;
    private final DockerImageName image;
    private final Map<String, String> labels;
    private CompletableFuture<Void> templateRemoval = CompletableFuture.completedFuture(null);
    /** The template container until its removal is under way. */
    private volatile CitusContainer container;

    NodeTemplate(DockerImageName baseImage, Path citusConfig, String runId, Map<String, String> labels) {
        this.baseImage = baseImage;
        this.citusConfig = citusConfig;
        this.image = DockerImageName.parse(REPOSITORY + ":" + runId);
        this.labels = labels;
    }

    /** The image the nodes start from; it exists once {@link #prepare()} has returned. */
    DockerImageName image() {
        return image;
    }

    /** Initialises one node from the base image, stops it cleanly and commits it as {@link #image()}. */
    void prepare() {
        DockerClient docker = DockerClientFactory.instance().client();
        RecentLog log = new RecentLog();
        CitusContainer template = new CitusContainer(baseImage, "node-template")
                .withClusterConfiguration(citusConfig)
                .withLogConsumer(log);
        labels.forEach(template::withLabel);
        container = template;
        try {
            template.start();
            // A clean shutdown (SIGTERM, then a checkpoint) so that the copies start without crash recovery.
            docker.stopContainerCmd(template.getContainerId()).withTimeout(30).exec();
            docker.commitCmd(template.getContainerId())
                    .withRepository(image.getRepository()).withTag(image.getVersionPart())
                    .withLabels(labels)
                    .exec();
        } catch (RuntimeException e) {
            template.close();
            throw new ContainerLaunchException("the Citus node template (one node initialised from " + baseImage
                    + " with containers/citus) did not start: " + e.getMessage()
                    + "\n  its last log lines:\n" + log.text(), e);
        }
        // Out of the start-up's way: removing the stopped template while its copies start.
        String id = template.getContainerId();
        templateRemoval = CompletableFuture.runAsync(() -> DockerRemoval.container(id));
        container = null;
    }

    /** Gives a node copied from the template a Citus server id of its own. */
    static void giveOwnIdentity(CitusContainer node) {
        try (Connection c = node.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE pg_catalog.pg_dist_node_metadata"
                    + " SET metadata = jsonb_set(metadata, '{server_id}', to_jsonb(citus_server_id()::text))");
        } catch (SQLException e) {
            throw new IllegalStateException(node.nodeName() + " (a copy of the node template) could not draw a"
                    + " Citus server id of its own: " + e.getMessage(), e);
        }
    }

    /** Removes the template container and the run-local image (the copies must be gone). */
    void remove() {
        try {
            templateRemoval.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("the template container was not removed within 60 s; the next run removes it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            System.err.println("could not remove the template container: " + e.getCause());
        }
        CitusContainer interrupted = container; // still there when the run stopped while the template was prepared
        if (interrupted != null && interrupted.getContainerId() != null) {
            DockerRemoval.container(interrupted.getContainerId());
        }
        DockerRemoval.image(image.asCanonicalNameString());
    }
}
