package io.github.chatcluster.cluster.external;

import io.github.chatcluster.cluster.faults.DriverKind;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;

/**
 * The configuration of a cluster the suite did not start ({@code -Dcluster=external -Dcluster.config=<file>}), a
 * properties file:
 *
 * <pre>
 * # where the suite reaches each node, by the node name the cluster uses (pg_dist_node)
 * load-balancer = localhost:5438
 * coordinator-1 = localhost:5432
 * coordinator-2 = localhost:5437
 * worker-1 = localhost:5433
 * ...
 * database = postgres
 * user = postgres
 * # the password is read from this environment variable, never from the file
 * password.variable = CHAT_CLUSTER_PASSWORD
 * # how faults are injected: docker (containers named below) or none
 * faults = docker
 * docker.container.coordinator-1 = chat-cluster-coordinator-1
 * ...
 * # optional: an empty Citus node outside the cluster, for the scenarios that add a worker
 * spare.worker-5 = localhost:5439
 * </pre>
 */
public record ExternalClusterConfig(Path file, Map<String, HostPort> endpoints, Endpoint.Credentials credentials,
                                    DriverKind faults, Map<String, String> containers, java.util.Optional<HostPort> spare) {

    /** The line naming the spare worker, an empty Citus node outside the cluster that the operations may add. */
    public static final String SPARE_KEY = "spare." + io.github.chatcluster.cluster.SpareWorker.NAME;

    public static final String MODE_PROPERTY = "cluster";
    public static final String CONFIG_PROPERTY = "cluster.config";
    public static final String FAULTS_PROPERTY = "cluster.faults";
    public static final String DEFAULT_PASSWORD_VARIABLE = "CHAT_CLUSTER_PASSWORD";

    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Reads the file named by -Dcluster.config, with the password from the environment; one message per mistake. */
    public static ExternalClusterConfig load(Function<String, String> environment) {
        String mode = System.getProperty(MODE_PROPERTY, "embedded");
        if (!List.of("embedded", "external").contains(mode.toLowerCase())) {
            throw new IllegalStateException("-D" + MODE_PROPERTY + "=" + mode + " is not a mode: use -D" + MODE_PROPERTY
                    + "=embedded (the default: the suite starts its own cluster) or -D" + MODE_PROPERTY + "=external -D"
                    + CONFIG_PROPERTY + "=<file>.");
        }
        String name = System.getProperty(CONFIG_PROPERTY);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("-D" + MODE_PROPERTY + "=external needs -D" + CONFIG_PROPERTY + "=<file>: a"
                    + " properties file with the endpoints of the cluster (see containers/compose-cluster.properties and docs/external-mode.md).");
        }
        Path file = Path.of(name);
        if (!file.isAbsolute()) {
            file = Path.of(System.getProperty("basedir", ".")).resolve(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The cluster configuration " + file + " (-D" + CONFIG_PROPERTY + ") does not exist."
                    + " Give the path of a properties file like containers/compose-cluster.properties.");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("The cluster configuration " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(file, properties, environment, System.getProperty(FAULTS_PROPERTY));
    }

    static ExternalClusterConfig parse(Path file, Properties properties, Function<String, String> environment, String faultsOverride) {
        List<String> mistakes = new ArrayList<>();
        Map<String, HostPort> endpoints = new LinkedHashMap<>();
        List<String> nodes = new ArrayList<>(List.of(ChatCluster.LOAD_BALANCER, ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2));
        nodes.addAll(ChatCluster.WORKERS);
        for (String node : nodes) {
            String value = properties.getProperty(node);
            if (value == null || value.isBlank()) {
                mistakes.add("no endpoint for " + node + " (a line \"" + node + " = host:port\")");
                continue;
            }
            int colon = value.strip().lastIndexOf(':');
            try {
                endpoints.put(node, new HostPort(value.strip().substring(0, colon), Integer.parseInt(value.strip().substring(colon + 1))));
            } catch (RuntimeException e) {
                mistakes.add(node + " = " + value + " is not host:port");
            }
        }
        java.util.Optional<HostPort> spare = java.util.Optional.empty();
        String spareValue = properties.getProperty(SPARE_KEY);
        if (spareValue != null) {
            int colon = spareValue.strip().lastIndexOf(':');
            try {
                spare = java.util.Optional.of(new HostPort(spareValue.strip().substring(0, colon),
                        Integer.parseInt(spareValue.strip().substring(colon + 1))));
            } catch (RuntimeException e) {
                mistakes.add(SPARE_KEY + " = " + spareValue + " is not host:port");
            }
        }
        for (String key : properties.stringPropertyNames()) {
            boolean known = nodes.contains(key) || key.equals(SPARE_KEY) || List.of("database", "user", "password.variable", "faults").contains(key)
                    || key.startsWith("docker.container.");
            if (key.equals("password")) {
                mistakes.add("the file holds a password: remove it, and give the password in the environment variable named by"
                        + " password.variable (default " + DEFAULT_PASSWORD_VARIABLE + ")");
            } else if (!known) {
                mistakes.add("\"" + key + "\" is not a setting: a node name must be one of " + nodes
                        + "; the other settings are database, user, password.variable, faults, docker.container.<node>, " + SPARE_KEY);
            }
        }
        String variable = properties.getProperty("password.variable", DEFAULT_PASSWORD_VARIABLE).strip();
        String password = environment.apply(variable);
        if (password == null) {
            mistakes.add("the environment variable " + variable + " (password.variable) is not set: export it with the cluster's password");
        }
        String faultsWord = faultsOverride != null ? faultsOverride : properties.getProperty("faults", DriverKind.NONE.toString()).strip();
        DriverKind faults = DriverKind.named(faultsWord).orElse(DriverKind.NONE);
        if (DriverKind.named(faultsWord).isEmpty()) {
            mistakes.add("the fault driver \"" + faultsWord + "\" is unknown: use one of " + java.util.Arrays.toString(DriverKind.values())
                    + " (-D" + FAULTS_PROPERTY + "=... or faults = ... in the file)");
        }
        Map<String, String> containers = new LinkedHashMap<>();
        if (faults == DriverKind.DOCKER) {
            for (String node : nodes) {
                String container = properties.getProperty("docker.container." + node);
                if (container == null || container.isBlank()) {
                    mistakes.add("the docker fault driver needs the container of " + node + " (docker.container." + node + " = <name>)");
                } else {
                    containers.put(node, container.strip());
                }
            }
        }
        if (!mistakes.isEmpty()) {
            throw new IllegalStateException("The cluster configuration " + file + " is not usable:\n  - "
                    + String.join("\n  - ", mistakes));
        }
        return new ExternalClusterConfig(file, endpoints,
                new Endpoint.Credentials(properties.getProperty("user", "postgres").strip(), password,
                        properties.getProperty("database", "postgres").strip()),
                faults, containers, spare);
    }
}
