package io.github.chatcluster.cluster.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HealthCheck;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import io.github.chatcluster.cluster.Endpoint;

/**
 * One Citus node (coordinator or worker): the official image's contract (docker-library postgres
 * entrypoint, citus preloaded and created at init) plus the cluster's settings from {@code containers/citus}.
 */
public class CitusContainer extends GenericContainer<CitusContainer> {

    public static final int PORT = 5432;
    public static final String USER = "postgres";
    public static final String PASSWORD = "chat-cluster-secret";
    public static final String DATABASE = "postgres";
    /** Who the suite connects to its own containers as. */
    public static final Endpoint.Credentials CREDENTIALS = new Endpoint.Credentials(USER, PASSWORD, DATABASE);
    /**
     * The data directory, outside the image's volume so that a committed node keeps it ({@link NodeTemplate}).
     * {@code PGDATA} is part of the image's documented contract.
     */
    public static final String DATA_DIR = "/srv/chat-cluster/data";
    private static final String READY = ".*database system is ready to accept connections.*\\s";

    private final String nodeName;
    private boolean copiedFromTemplate;

    public CitusContainer(DockerImageName image, String nodeName) {
        super(image);
        this.nodeName = nodeName;
        withNetworkAliases(nodeName);
        withExposedPorts(PORT);
        withEnv("POSTGRES_PASSWORD", PASSWORD);
        withEnv("PGDATA", DATA_DIR);
        // Where the init script leaves the password the nodes use to reach each other (libpq reads it).
        withEnv("PGPASSFILE", DATA_DIR + "/chat-cluster.pgpass");
        // The docker-library entrypoint starts a temporary server for the init scripts, then the real one.
        // The official image's HEALTHCHECK execs a probe every few seconds in each of the six nodes;
        // readiness here is the wait strategy and JDBC probes, so turn it off to spare the CPU.
        withCreateContainerCmdModifier(cmd -> cmd.withHealthcheck(new HealthCheck().withTest(List.of("NONE"))));
        waitingFor(Wait.forLogMessage(READY, 2).withStartupTimeout(Duration.ofMinutes(2)));
        CpuLimit.applyTo(this);
    }

    /**
     * For a node started from a {@link NodeTemplate} image: the data directory is there, so the server starts
     * once, and the node then draws a Citus server id of its own.
     */
    CitusContainer copiedFromTemplate() {
        copiedFromTemplate = true;
        return waitingFor(Wait.forLogMessage(READY, 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    /**
     * For a node whose data directory is already on its volume (recreated from another image): the server starts
     * once, with the identity it has.
     */
    CitusContainer withExistingData() {
        return waitingFor(Wait.forLogMessage(READY, 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        if (copiedFromTemplate) {
            NodeTemplate.giveOwnIdentity(this);
        }
    }

    /** A new JDBC connection to this node, from the host. */
    Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + getHost() + ":" + getMappedPort(PORT) + "/" + DATABASE;
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        props.setProperty("socketTimeout", "120");
        props.setProperty("sslmode", io.github.chatcluster.cluster.Endpoint.SSL_MODE);
        return DriverManager.getConnection(url, props);
    }

    /** Mounts the cluster settings and init scripts of {@code containers/citus} (the system under test). */
    public CitusContainer withClusterConfiguration(Path citusConfigDir) {
        withCopyFileToContainer(MountableFile.forHostPath(citusConfigDir.resolve("citus-cluster.conf"), 0644),
                "/etc/citus-cluster/citus-cluster.conf");
        withCopyFileToContainer(MountableFile.forHostPath(citusConfigDir.resolve("initdb"), 0755),
                "/docker-entrypoint-initdb.d/");
        return withKernelSettings(citusConfigDir);
    }

    /**
     * Mounts only the cluster settings of {@code containers/citus} (their file is included by the data directory's
     * postgresql.conf, which the init scripts wrote when the node was first initialised), with the kernel settings.
     */
    public CitusContainer withClusterSettings(Path citusConfigDir) {
        withCopyFileToContainer(MountableFile.forHostPath(citusConfigDir.resolve("citus-cluster.conf"), 0644),
                "/etc/citus-cluster/citus-cluster.conf");
        return withKernelSettings(citusConfigDir);
    }

    /** Applies {@code containers/citus/sysctl.conf} to the node's own network namespace (the system under test). */
    public CitusContainer withKernelSettings(Path citusConfigDir) {
        Map<String, String> sysctls = sysctls(citusConfigDir.resolve("sysctl.conf"));
        if (!sysctls.isEmpty()) {
            withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withSysctls(sysctls));
        }
        return self();
    }

    /** The {@code key = value} lines of a sysctl.conf file (none when it is missing); comments and blank lines skipped. */
    public static Map<String, String> sysctls(Path file) {
        Map<String, String> sysctls = new java.util.LinkedHashMap<>();
        if (!java.nio.file.Files.exists(file)) {
            return sysctls;
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(file)) {
                String setting = line.strip();
                if (setting.isEmpty() || setting.startsWith("#")) {
                    continue;
                }
                int eq = setting.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException(file + ": not a \"key = value\" line: " + line);
                }
                sysctls.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sysctls;
    }

    public String nodeName() {
        return nodeName;
    }
}
