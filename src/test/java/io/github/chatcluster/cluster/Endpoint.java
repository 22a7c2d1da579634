package io.github.chatcluster.cluster;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;


/**
 * A place a client connects to: a coordinator, a worker or the load balancer, by the node name the cluster uses.
 * Its {@link Address} says where it is reached now: for a container of the suite, the host port is read from Docker
 * again after any restart; for a cluster the suite did not start, host and port are fixed.
 */
public final class Endpoint {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    /** Who the suite connects as, and to which database. */
    public record Credentials(String user, String password, String database) {
        @Override
        public String toString() {
            return user + "@" + database;
        }
    }

    /** Where the node is reached from the test JVM now (a container's host port can change when it restarts). */
    public interface Address {
        String host();

        int port();
    }

    private final String name;
    private final Address address;
    private final Credentials credentials;

    public Endpoint(String name, Address address, Credentials credentials) {
        this.name = name;
        this.address = address;
        this.credentials = credentials;
    }

    /** A node of a cluster the suite did not start, reached at a fixed host and port. */
    public static Endpoint fixed(String name, String host, int port, Credentials credentials) {
        return new Endpoint(name, new Address() {
            @Override
            public String host() {
                return host;
            }

            @Override
            public int port() {
                return port;
            }
        }, credentials);
    }

    public String name() {
        return name;
    }

    /** Who this endpoint's clients connect as. */
    public Credentials credentials() {
        return credentials;
    }

    public String host() {
        return address.host();
    }

    public int port() {
        return address.port();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + credentials.database();
    }

    /** How long a client keeps trying to open a connection that fails to establish. */
    public static final Duration CONNECT_RETRY_WINDOW = Duration.ofSeconds(3);

    /** The application name of every connection the suite opens (so that sessions left busy can be found). */
    public static final String APPLICATION_NAME = "chat-cluster-suite";

    /**
     * The TLS mode of the suite's own connections ({@code -Dclient.sslmode=...} or {@code CLIENT_SSLMODE}, libpq's
     * values): {@code disable} on the clusters the suite starts, {@code prefer} on a cluster it did not start (which may
     * require TLS). The handshake (key exchange on both ends, for every new client) took a third of the test JVM's CPU
     * and about 4 ms of a node's per connection, and no scenario states anything about the clients' TLS; the nodes'
     * connections among themselves keep Citus's TLS ({@code citus.node_conninfo}, part of the system under test).
     */
    public static final String SSL_MODE = sslMode();

    private static String sslMode() {
        String given = System.getProperty("client.sslmode", System.getenv().getOrDefault("CLIENT_SSLMODE", "")).strip();
        if (given.isEmpty()) {
            boolean embedded = "embedded".equalsIgnoreCase(System.getProperty(
                    io.github.chatcluster.cluster.external.ExternalClusterConfig.MODE_PROPERTY, "embedded"));
            return embedded ? "disable" : "prefer";
        }
        if (!java.util.List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full").contains(given)) {
            throw new IllegalArgumentException("client.sslmode (CLIENT_SSLMODE) is '" + given
                    + "': give one of libpq's modes: disable, allow, prefer, require, verify-ca, verify-full");
        }
        return given;
    }

    /**
     * Opens a connection the way the suite's clients do: an attempt that fails to establish (SQLSTATE
     * class 08, or 57P03 "cannot connect now") is tried again for up to {@link #CONNECT_RETRY_WINDOW}.
     * Right after a coordinator dies, the load balancer may still hand it one new connection.
     */
    public Connection connect() throws SQLException {
        return connect(SOCKET_TIMEOUT);
    }

    /** {@link #connect()}, with a socket timeout of its own: for a call that may run long (a shard copy, say). */
    public Connection connect(Duration socketTimeout) throws SQLException {
        long deadline = System.nanoTime() + CONNECT_RETRY_WINDOW.toNanos();
        AtomicReference<SQLException> last = new AtomicReference<>();
        AtomicReference<Connection> connection = new AtomicReference<>();
        try {
            await("a connection to " + name).atMost(CONNECT_RETRY_WINDOW.plus(CONNECT_TIMEOUT))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).pollInSameThread().until(() -> {
                        try {
                            connection.set(connectOnce(CONNECT_TIMEOUT, socketTimeout));
                            return true;
                        } catch (SQLException e) {
                            last.set(e);
                            if (!isEstablishmentFailure(e) || System.nanoTime() > deadline) {
                                throw e;
                            }
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            closeQuietly(connection.get()); // opened by the poll that ran past the bound
            throw last.get() != null ? last.get() : new SQLException("no connection to " + name + ": " + e.getMessage(), "08001");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        return connection.get();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is given up anyway
            }
        }
    }

    private static boolean isEstablishmentFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P03"));
    }

    /** Opens a connection with one attempt: what probes and measurements use. */
    public Connection connectOnce(Duration connectTimeout, Duration socketTimeout) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", credentials.user());
        props.setProperty("password", credentials.password());
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())));
        props.setProperty("loginTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("sslmode", SSL_MODE);
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** Opens a connection the way clients do and returns the node it landed on (through the load balancer: a coordinator). */
    public String landsOn() throws SQLException {
        try (Connection c = connect()) {
            return localNodeName(c);
        }
    }

    /** The name under which the cluster knows the node this connection is on (its row in pg_dist_node). */
    public static String localNodeName(Connection connection) throws SQLException {
        try (java.sql.Statement s = connection.createStatement(); java.sql.ResultSet rs = s.executeQuery("""
                SELECT n.nodename FROM pg_dist_node n, pg_dist_local_group g
                WHERE n.groupid = g.groupid AND n.noderole = 'primary'""")) {
            if (!rs.next()) {
                throw new IllegalStateException("the session's node is not in pg_dist_node");
            }
            return rs.getString(1);
        }
    }

    /** The command a person pastes to reach this endpoint from the host. */
    public String psqlCommand() {
        return "PGPASSWORD=" + credentials.password() + " psql -h " + host() + " -p " + port()
                + " -U " + credentials.user() + " -d " + credentials.database();
    }

    @Override
    public String toString() {
        return name;
    }
}
