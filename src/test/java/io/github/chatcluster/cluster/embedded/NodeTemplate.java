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
 *
 * <p>One template serves every cluster of the run ({@link #shared}), and later runs too: its image is named after
 * what it was made from, the Citus image's id and a hash of {@code containers/citus}
 * ({@code chat-cluster/citus-node-template:<image id>-<hash>}), so a run whose image or configuration changed makes a
 * new one, and "formed from the current configuration" stays true. The template's container is removed once it is
 * committed; the image stays for the next run.
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

    private static final Map<String, NodeTemplate> SHARED = new java.util.HashMap<>();
    private boolean ready;

    private NodeTemplate(DockerImageName baseImage, Path citusConfig, String tag, Map<String, String> labels) {
        this.baseImage = baseImage;
        this.citusConfig = citusConfig;
        this.image = DockerImageName.parse(REPOSITORY + ":" + tag);
        this.labels = labels;
    }

    /** The one template of the run for this Citus image and configuration. */
    static synchronized NodeTemplate shared(DockerImageName baseImage, Path citusConfig, Map<String, String> labels) {
        String imageId = DockerClientFactory.instance().client().inspectImageCmd(baseImage.asCanonicalNameString()).exec().getId();
        String tag = imageId.replace("sha256:", "").substring(0, 12) + "-" + contentHash(citusConfig);
        return SHARED.computeIfAbsent(tag, t -> new NodeTemplate(baseImage, citusConfig, t, labels));
    }

    /** A hash of every file below the directory (its path and its bytes, in path order). */
    static String contentHash(Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                sha.update(dir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(java.nio.file.Files.readAllBytes(file));
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the template's image once: kept from an earlier run when it exists, else prepared now. */
    synchronized void ensure() {
        if (ready) {
            return;
        }
        if (DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(image.asCanonicalNameString()).exec().isEmpty()) {
            prepare();
        }
        ready = true;
    }

    /** The image the nodes start from; it exists once {@link #prepare()} has returned. */
    DockerImageName image() {
        return image;
    }

    /** Initialises one node from the base image, stops it cleanly and commits it as {@link #image()}. */
    private void prepare() {
        DockerClient docker = DockerClientFactory.instance().client();
        RecentLog log = new RecentLog();
        CitusContainer template = new CitusContainer(baseImage, "node-template")
                .withCreateContainerCmdModifier(cmd -> cmd.withName(ContainerNames.ofTheRun().next("node-template")))
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

    /** Waits for the template container's removal; the image stays for the next run. */
    void awaitRemoval() {
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
    }
}
