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
 * One cluster for the whole run: started by the first scenario, removed at the end of the run,
 * also when the JVM is ended early (the shutdown hook; Ryuk is not available everywhere).
 * A start-up failure is remembered and reported, with the same single message, by every scenario.
 */
public final class ClusterHolder {

    /** Set by CI only: with "skip", a missing Citus image skips the scenarios instead of failing them. */
    public static final String MISSING_IMAGE_PROPERTY = "citus.missing-image";
    public static final String MISSING_IMAGE_VARIABLE = "CITUS_MISSING_IMAGE";

    private static ChatCluster cluster;
    private static RuntimeException failure;

    private ClusterHolder() {
    }

    public static synchronized boolean isStarted() {
        return cluster != null;
    }

    public static synchronized ChatCluster get() {
        if (failure != null) {
            throw failure;
        }
        if (cluster == null) {
            try {
                cluster = start();
            } catch (RuntimeException e) {
                failure = e;
                System.err.println("\n*** " + e.getMessage().replace("\n", "\n    ") + "\n");
                throw e;
            }
        }
        return cluster;
    }

    /**
     * Removes a cluster that could not be repaired: the next scenario starts from a new one instead of failing
     * in a cascade.
     */
    public static synchronized void discard() {
        if (cluster != null) {
            System.err.println("\n*** The cluster could not be made healthy: it is removed, and the next scenario starts a new one.\n");
        }
        shutdown();
    }

    public static synchronized void shutdown() {
        if (cluster != null) {
            cluster.stop();
            cluster = null;
        }
    }

    private static ChatCluster start() {
        if (!"embedded".equalsIgnoreCase(System.getProperty(ExternalClusterConfig.MODE_PROPERTY, "embedded"))) {
            return startExternal(); // the configuration says what is wrong with another mode's name
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
        DockerImageName citus = Images.citus();
        if (!Images.isAvailable(citus)) {
            String message = Images.howToProvide(citus, "citus.image", "CITUS_IMAGE");
            if ("skip".equalsIgnoreCase(Images.choose(MISSING_IMAGE_PROPERTY, MISSING_IMAGE_VARIABLE, "fail"))) {
                throw new TestAbortedException("Skipped, image unavailable: " + message);
            }
            throw new IllegalStateException(message);
        }
        DockerImageName nginx = Images.nginx();
        if (!Images.isAvailable(nginx)) {
            throw new IllegalStateException(Images.howToProvide(nginx, "nginx.image", "NGINX_IMAGE"));
        }
        return started(new EmbeddedCluster(citus, nginx, projectDir));
    }

    /** Starts the cluster; it is stopped at the end of the run (the shutdown hook), or at once when the start fails. */
    private static final java.util.concurrent.atomic.AtomicBoolean HOOK = new java.util.concurrent.atomic.AtomicBoolean();

    private static ChatCluster started(ChatCluster cluster) {
        if (!HOOK.getAndSet(true)) { // one hook for the run: it removes whichever cluster is current then
            Runtime.getRuntime().addShutdownHook(new Thread(ClusterHolder::shutdown, "chat-cluster-cleanup"));
        }
        try {
            cluster.start();
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    /** A cluster that already runs: checked, given the chat schema, and left as found at the end. */
    private static ChatCluster startExternal() {
        ExternalClusterConfig config = ExternalClusterConfig.load(System::getenv);
        if (config.faults() == io.github.chatcluster.cluster.faults.DriverKind.DOCKER && !dockerAnswers()) {
            throw new IllegalStateException("The docker fault driver needs a Docker engine, and none answers. Start one or"
                    + " point DOCKER_HOST at the one that runs the cluster's containers, or use -D"
                    + ExternalClusterConfig.FAULTS_PROPERTY + "=none.");
        }
        Path projectDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return started(new ExternalCluster(config, projectDir));
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
