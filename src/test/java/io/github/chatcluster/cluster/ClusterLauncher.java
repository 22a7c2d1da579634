package io.github.chatcluster.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;
import io.github.chatcluster.cluster.embedded.EmbeddedCluster;
import io.github.chatcluster.cluster.embedded.Images;
import io.github.chatcluster.cluster.external.ExternalCluster;
import io.github.chatcluster.cluster.external.ExternalClusterConfig;

/**
 * A new cluster of the run's mode, not started yet: the suite's own (embedded), or one that already runs (external),
 * after the checks that turn a user's mistake (no Docker, a missing image, a missing file, a bad configuration) into
 * one message that says what to do.
 */
public final class ClusterLauncher {

    /** Set by CI only: with "skip", a missing Citus image skips the scenarios instead of failing them. */
    static final String MISSING_IMAGE_PROPERTY = "citus.missing-image";
    static final String MISSING_IMAGE_VARIABLE = "CITUS_MISSING_IMAGE";

    private ClusterLauncher() {
    }

    /** A new cluster of the run, named {@code name} in the reports (and its containers after it). */
    static ChatCluster newCluster(String name) {
        return newCluster(name, Images.citus(), false);
    }

    /**
     * A new embedded cluster of the given Citus image whose nodes can be started again from another image with their
     * own data (the rolling upgrade's); the same checks as for the run's clusters.
     */
    public static ChatCluster newReplaceableCluster(String name, DockerImageName citus) {
        if (isExternalMode()) {
            throw new IllegalStateException("an external cluster's nodes cannot be started again from another image");
        }
        return newCluster(name, citus, true);
    }

    public static boolean isExternalMode() {
        return !"embedded".equalsIgnoreCase(System.getProperty(ExternalClusterConfig.MODE_PROPERTY, "embedded"));
    }

    /** Whether a missing image skips the scenarios that need it (set by CI only) instead of failing them. */
    public static boolean skipsMissingImages() {
        return "skip".equalsIgnoreCase(Images.choose(MISSING_IMAGE_PROPERTY, MISSING_IMAGE_VARIABLE, "fail"));
    }

    private static ChatCluster newCluster(String name, DockerImageName citus, boolean replaceable) {
        if (isExternalMode()) {
            return external(name); // the configuration says what is wrong with another mode's name
        }
        if (!dockerAnswers()) {
            throw new IllegalStateException("No Docker engine answers. Start one (Docker Desktop, `sudo systemctl start "
                    + "docker`, or `bash .ci/setup` on a Debian machine) or point DOCKER_HOST at one, then run "
                    + "`mvn verify` again.");
        }
        Path projectDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        for (String file : List.of("containers/citus/citus-cluster.conf", "containers/citus/initdb",
                "containers/schema/chat-schema.sql", "nginx/nginx.conf")) {
            if (!Files.exists(projectDir.resolve(file))) {
                throw new IllegalStateException("The cluster's configuration file " + projectDir.resolve(file)
                        + " is missing: run the suite from the project's top folder (where pom.xml is).");
            }
        }
        if (!Images.isAvailable(citus)) {
            String message = Images.howToProvide(citus, "citus.image", "CITUS_IMAGE");
            if (skipsMissingImages()) {
                throw new TestAbortedException("Skipped, image unavailable: " + message);
            }
            throw new IllegalStateException(message);
        }
        DockerImageName nginx = Images.nginx();
        if (!Images.isAvailable(nginx)) {
            throw new IllegalStateException(Images.howToProvide(nginx, "nginx.image", "NGINX_IMAGE"));
        }
        return replaceable ? EmbeddedCluster.withReplaceableNodes(name, citus, nginx, projectDir)
                : new EmbeddedCluster(name, citus, nginx, projectDir);
    }

    /** A cluster that already runs: checked, given the chat schema, and left as found at the end. */
    private static ChatCluster external(String name) {
        ExternalClusterConfig config = ExternalClusterConfig.load(System::getenv);
        if (config.faults() == io.github.chatcluster.cluster.faults.DriverKind.DOCKER && !dockerAnswers()) {
            throw new IllegalStateException("The docker fault driver needs a Docker engine, and none answers. Start one or"
                    + " point DOCKER_HOST at the one that runs the cluster's containers, or use -D"
                    + ExternalClusterConfig.FAULTS_PROPERTY + "=none.");
        }
        Path projectDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return new ExternalCluster(name, config, projectDir);
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }}
