package io.github.chatcluster.cluster.external;

import io.github.chatcluster.cluster.embedded.ContainerNames;
import io.github.chatcluster.cluster.faults.DriverKind;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterFormation;
import io.github.chatcluster.cluster.ClusterTimings;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SpareWorker;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.cluster.faults.FaultDriver;
import io.github.chatcluster.cluster.faults.NoFaultDriver;
import io.github.chatcluster.cluster.faults.docker.DockerFaultDriver;
import io.github.chatcluster.cluster.faults.docker.DockerNodes;

/**
 * A chat cluster that already runs (compose, VMs, Kubernetes), reached at the endpoints of an
 * {@link ExternalClusterConfig}. Before the first scenario it checks that every endpoint answers, that the cluster
 * has the shape the features state, and that the database holds no data of others; then it deploys the chat
 * schema, and at the end it removes every object it created (also after a failure or an interrupt: the run's
 * shutdown hook).
 */
public final class ExternalCluster implements ChatCluster {

    private final ExternalSpareWorker spare;

    /** With true, other user tables in the database do not stop the run (the suite still touches only its own). */
    public static final String ALLOW_EXISTING_DATA_PROPERTY = "cluster.allow-existing-data";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ExternalClusterConfig config;
    private final Path projectDir;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final FaultDriver driver;
    private final ClusterTimings timings = new ClusterTimings();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private boolean schemaDeployed;
    private String objectsBefore;
    private java.util.Set<String> tablesBefore = java.util.Set.of();

    public ExternalCluster(String name, ExternalClusterConfig config, Path projectDir) {
        this.config = config;
        this.projectDir = projectDir;
        config.endpoints().forEach((node, at) -> endpoints.put(node, Endpoint.fixed(node, at.host(), at.port(), config.credentials())));
        this.spare = config.spare().map(at -> new ExternalSpareWorker(Endpoint.fixed(SpareWorker.NAME, at.host(), at.port(),
                config.credentials()))).orElse(null);
        this.driver = config.faults() == DriverKind.DOCKER
                ? new DockerFaultDriver(this, new NamedContainers(config.containers(), new ContainerNames(name)), projectDir.resolve("containers/fault-injector"))
                : new NoFaultDriver();
    }

    /** Checks the target, then deploys the chat schema. Every problem found is in one message. */
    @Override
    public void start() {
        timings.started();
        List<String> unreachable = new ArrayList<>();
        endpoints.values().forEach(endpoint -> reach(endpoint).ifPresent(unreachable::add));
        if (!unreachable.isEmpty()) {
            throw new IllegalStateException("The external cluster of " + config.file() + " cannot be used:\n  - "
                    + String.join("\n  - ", unreachable));
        }
        List<String> differences = ExternalClusterCheck.shapeDifferences(this);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("The external cluster of " + config.file() + " differs from the cluster the features"
                    + " describe, so no scenario is run:\n  - " + String.join("\n  - ", differences));
        }
        if (spare != null) {
            spare.prepareForTheRun(queryText(coordinator1(), "SELECT nodename FROM pg_dist_node").lines().toList());
        }
        List<String> foreign = ExternalClusterCheck.foreignData(coordinator1());
        boolean allowed = Boolean.getBoolean(ALLOW_EXISTING_DATA_PROPERTY);
        if (foreign.stream().anyMatch(f -> f.startsWith("the chat table"))
                || (!foreign.isEmpty() && !allowed)) {
            throw new IllegalStateException("The database of the external cluster (" + config.credentials() + " through "
                    + ChatCluster.COORDINATOR_1 + ") already holds data the suite did not create, and the suite never touches"
                    + " such data:\n  - " + String.join("\n  - ", foreign) + "\n  Point the suite at an empty database, or,"
                    + " when only other tables are there (not the chat tables), allow them with -D" + ALLOW_EXISTING_DATA_PROPERTY + "=true.");
        }
        objectsBefore = ExternalClusterCheck.objectList(coordinator1());
        tablesBefore = ExternalClusterCheck.publicTables(objectsBefore);
        timings.containersReady();
        timings.formed();
        ClusterFormation.deploySchema(this, projectDir.resolve("containers/schema/chat-schema.sql"));
        schemaDeployed = true;
        timings.schemaDeployed();
        awaitLoadBalancer();
        timings.ready();
    }

    /** A problem reaching the endpoint, in words a user can act on; empty when it answered. */
    private java.util.Optional<String> reach(Endpoint endpoint) {
        try (Connection c = endpoint.connectOnce(CONNECT_TIMEOUT, Duration.ofSeconds(10))) {
            return java.util.Optional.empty();
        } catch (SQLException e) {
            String where = endpoint.name() + " at " + endpoint.host() + ":" + endpoint.port();
            if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
                return java.util.Optional.of(where + " refused the password of " + config.credentials().user() + " (SQLSTATE "
                        + e.getSQLState() + "): set the right password in the environment variable named by password.variable");
            }
            if ("3D000".equals(e.getSQLState())) {
                return java.util.Optional.of(where + " has no database " + config.credentials().database() + ": correct database in " + config.file());
            }
            return java.util.Optional.of(where + " does not answer (" + Text.firstLine(e.getMessage()) + "): correct its endpoint in "
                    + config.file() + ", or start the cluster (docker-compose -f containers/compose.yaml up -d)");
        }
    }

    /** Removes what the suite created (the chat tables, their sequence), heals the faults it injected. */
    @Override
    public java.util.Set<String> tablesFoundBeforeTheRun() {
        return tablesBefore;
    }

    @Override
    public void stop() {
        try {
            driver.nodes().healAll();
        } catch (RuntimeException e) {
            System.err.println("could not heal the faults of this run: " + e.getMessage());
        }
        try {
            driver.close();
        } catch (RuntimeException e) {
            System.err.println("could not remove the fault injectors of this run: " + e.getMessage());
        }
        if (schemaDeployed) {
            try {
                ChatCluster.execute(coordinator1(), "DROP TABLE IF EXISTS messages, room_members, rooms");
                schemaDeployed = false;
            } catch (RuntimeException e) {
                System.err.println("\n*** The chat tables the suite created could not be removed: " + e.getMessage()
                        + "\n    Remove them by hand: DROP TABLE messages, room_members, rooms;\n");
            }
        }
        if (objectsBefore != null) {
            try {
                String after = ExternalClusterCheck.objectList(coordinator1());
                ExternalClusterCheck.recordObjectLists(projectDir, objectsBefore, after);
            } catch (RuntimeException e) {
                System.err.println("could not list the database's objects after the run: " + e.getMessage());
            }
        }
    }

    @Override
    public Endpoint endpoint(String nodeName) {
        if (spare != null && SpareWorker.NAME.equals(nodeName)) {
            return spare.endpoint();
        }
        Endpoint endpoint = endpoints.get(nodeName);
        if (endpoint == null) {
            throw new IllegalArgumentException("No node named '" + nodeName + "'; the nodes are " + endpoints.keySet());
        }
        return endpoint;
    }

    @Override
    public java.util.Optional<SpareWorker> spareWorker() {
        return java.util.Optional.ofNullable(spare);
    }

    @Override
    public List<String> allNodes() {
        return List.copyOf(endpoints.keySet());
    }

    @Override
    public FaultDriver faultDriver() {
        return driver;
    }

    @Override
    public ClusterTimings timings() {
        return timings;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String logs(String nodeName) {
        String container = config.containers().get(nodeName);
        if (container == null) {
            return "(no log: the fault driver is " + driver.kind() + "; read the node's log where it runs)";
        }
        StringBuilder text = new StringBuilder();
        try {
            DockerClientFactory.instance().client().logContainerCmd(container).withStdOut(true).withStdErr(true)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            text.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text.toString();
    }

    /** The Docker containers named in the configuration, and the network of coordinator-1's container. */
    private static final class NamedContainers implements DockerNodes {
        private final Map<String, String> names;
        private final ContainerNames ours;

        NamedContainers(Map<String, String> names, ContainerNames ours) {
            this.names = names;
            this.ours = ours;
            List<String> missing = new ArrayList<>();
            names.forEach((node, name) -> {
                try {
                    DockerClientFactory.instance().client().inspectContainerCmd(name).exec();
                } catch (RuntimeException e) {
                    missing.add(node + ": no container named " + name);
                }
            });
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The docker fault driver cannot find the containers of the configuration:\n  - "
                        + String.join("\n  - ", missing) + "\n  Correct docker.container.<node>, or use -D"
                        + ExternalClusterConfig.FAULTS_PROPERTY + "=none.");
            }
        }

        @Override
        public String containerId(String node) {
            String name = names.get(node);
            if (name == null) {
                throw new IllegalArgumentException("No container is named for " + node);
            }
            return DockerClientFactory.instance().client().inspectContainerCmd(name).exec().getId();
        }

        @Override
        public String networkId() {
            return DockerClientFactory.instance().client().inspectContainerCmd(names.get(ChatCluster.COORDINATOR_1)).exec()
                    .getNetworkSettings().getNetworks().values().iterator().next().getNetworkID();
        }

        @Override
        public boolean startedByThisRun() {
            return false;
        }

        @Override
        public String containerName(String role) {
            return ours.next(role);
        }
    }

    static String queryText(Endpoint endpoint, String sql) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            StringBuilder text = new StringBuilder();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                text.append('\n');
            }
            return text.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("On " + endpoint + ": " + sql + "\n  failed: " + e.getMessage(), e);
        }
    }
}
