package io.github.chatcluster.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.GenericContainer;

/**
 * A place a client connects to: a coordinator, a worker or the load balancer. The host port is read
 * from Docker at every connection, since a restarted container gets a new one.
 */
public final class Endpoint {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final GenericContainer<?> container;
    private final int containerPort;

    Endpoint(String name, GenericContainer<?> container, int containerPort) {
        this.name = name;
        this.container = container;
        this.containerPort = containerPort;
    }

    public String name() {
        return name;
    }

    public String host() {
        return container.getHost();
    }

    private volatile int cachedPort;
    private volatile long cachedGeneration = -1;

    /** The host port mapped to the node's port, read again from Docker after any restart in the cluster. */
    public int port() {
        long generation = NodeFaults.generation();
        if (cachedGeneration != generation) {
            cachedPort = readPort();
            cachedGeneration = generation;
        }
        return cachedPort;
    }

    private int readPort() {
        Map<ExposedPort, Ports.Binding[]> bindings = container.getCurrentContainerInfo()
                .getNetworkSettings().getPorts().getBindings();
        Ports.Binding[] binding = bindings.get(ExposedPort.tcp(containerPort));
        if (binding == null || binding.length == 0) {
            throw new IllegalStateException(name + " has no published port: it is not running");
        }
        return Integer.parseInt(binding[0].getHostPortSpec());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + CitusContainer.DATABASE;
    }

    public Connection connect() throws SQLException {
        return connect(CONNECT_TIMEOUT, SOCKET_TIMEOUT);
    }

    public Connection connect(Duration connectTimeout, Duration socketTimeout) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", CitusContainer.USER);
        props.setProperty("password", CitusContainer.PASSWORD);
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())));
        props.setProperty("loginTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("ApplicationName", "chat-cluster-suite");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** The command a person pastes to reach this endpoint from the host. */
    public String psqlCommand() {
        return "PGPASSWORD=" + CitusContainer.PASSWORD + " psql -h " + host() + " -p " + port()
                + " -U " + CitusContainer.USER + " -d " + CitusContainer.DATABASE;
    }

    @Override
    public String toString() {
        return name;
    }
}
