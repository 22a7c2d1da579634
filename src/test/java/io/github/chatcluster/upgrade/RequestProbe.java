package io.github.chatcluster.upgrade;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.app.ChatDatabaseException;
import io.github.chatcluster.app.ChatWriter;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;

/**
 * Each kind of request an application or an operator makes, tried once in the cluster's present state, each on a new
 * connection and without retries: what works and what is refused, with the error. The writes are the chat's own
 * (acknowledged ones go into the scenario's {@link AckLog}, so they are read back at the end); the DDL and the shard
 * copy use a table of their own, in a co-location group of its own (a copy of a shard co-located with the chat's would
 * copy the chat's shards too), dropped at the end.
 */
public final class RequestProbe {

    /** The outcome of one request: null error when it worked; not tried when what it needs was refused before it. */
    public record Outcome(String request, String error, boolean tried) {
        public Outcome(String request, String error) {
            this(request, error, true);
        }

        public boolean worked() {
            return tried && error == null;
        }

        @Override
        public String toString() {
            return request + ": " + (!tried ? "not tried (" + error + ")" : worked() ? "works" : "refused: " + error);
        }
    }

    private static int probes;

    private final ChatCluster cluster;
    private final AckLog acks;
    private final List<Long> rooms;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    public RequestProbe(ChatCluster cluster, AckLog acks, List<Long> rooms) {
        this.cluster = cluster;
        this.acks = acks;
        this.rooms = List.copyOf(rooms);
    }

    /**
     * Tries every kind of request once, in a fixed order, and returns the outcomes by request. First waits (at most 30
     * s) until a connection can be opened through each entry point: right after both coordinators restarted, the load
     * balancer refuses connections for up to its fail_timeout, and that is not what the state of the upgrade does.
     */
    public Map<String, Outcome> tryEach() {
        for (String entry : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2, ChatCluster.LOAD_BALANCER)) {
            Endpoint endpoint = cluster.endpoint(entry);
            org.awaitility.Awaitility.await("a connection through " + entry).atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(250)).ignoreExceptions().pollInSameThread()
                    .until(() -> {
                        try (Connection c = endpoint.connectOnce(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5))) {
                            return c.isValid(2);
                        }
                    });
        }
        for (String entry : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2, ChatCluster.LOAD_BALANCER)) {
            Endpoint endpoint = cluster.endpoint(entry);
            attempt("a read of every room through " + entry, () -> query(endpoint, "SELECT count(*) FROM messages"));
            attempt("a read inside a transaction block through " + entry, () -> query(endpoint,
                    "BEGIN; SELECT count(*) FROM messages WHERE room_id = " + rooms.get(0) + "; COMMIT"));
            attempt("a message to each of 8 rooms through " + entry, () -> writeEightRooms(endpoint));
        }
        Endpoint c1 = cluster.coordinator1();
        String table = "upgrade_probe_" + (++probes);
        attempt("a new distributed table through coordinator-1", () -> query(c1, "CREATE TABLE " + table
                + " (id bigint PRIMARY KEY); SELECT create_distributed_table('" + table + "', 'id', colocate_with => 'none');"
                + " INSERT INTO " + table + " SELECT generate_series(1, 100)"));
        boolean created = outcomes.get("a new distributed table through coordinator-1").worked();
        attemptIf(created, "a shard copy to a worker without it, through coordinator-1", () -> copyAShard(c1, table));
        attemptIf(created, "a column added to that table through coordinator-1", () -> query(c1, "ALTER TABLE " + table + " ADD COLUMN note text"));
        attempt("the metadata synced to coordinator-2 through coordinator-1",
                () -> query(c1, "SELECT start_metadata_sync_to_node('" + ChatCluster.COORDINATOR_2 + "', 5432)"));
        attemptIf(created, "that table dropped through coordinator-1", () -> query(c1, "DROP TABLE " + table));
        return Map.copyOf(outcomes);
    }

    public List<Outcome> outcomes() {
        return new ArrayList<>(outcomes.values());
    }

    @FunctionalInterface
    private interface Request {
        void run() throws SQLException;
    }

    /** A request on the new table: not tried when the table could not be created. */
    private void attemptIf(boolean tableCreated, String name, Request request) {
        if (tableCreated) {
            attempt(name, request);
        } else {
            outcomes.put(name, new Outcome(name, "the new table was refused", false));
        }
    }

    private void attempt(String name, Request request) {
        try {
            request.run();
            outcomes.put(name, new Outcome(name, null));
        } catch (SQLException | ChatDatabaseException e) {
            outcomes.put(name, new Outcome(name, Text.firstLine(e.getMessage())));
        }
    }

    private static void query(Endpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connectOnce(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** One message to each of the first 8 rooms (40 rooms' first 8 hash to shards on most workers), each acknowledged or refused. */
    private void writeEightRooms(Endpoint endpoint) throws SQLException {
        ChatWriter writer = ChatWriter.withoutRetries(endpoint, acks);
        List<String> refused = new ArrayList<>();
        try {
            for (long room : rooms.subList(0, Math.min(8, rooms.size()))) {
                try {
                    writer.sendMessage(room, acks.membersOf(room).get(0), "probe through " + endpoint.name());
                } catch (ChatDatabaseException e) {
                    refused.add(Text.firstLine(e.getMessage()));
                }
            }
        } finally {
            writer.close();
        }
        if (!refused.isEmpty()) {
            throw new SQLException(refused.size() + " of 8 refused, first: " + refused.get(0));
        }
    }

    private static void copyAShard(Endpoint c1, String table) throws SQLException {
        try (Connection c = c1.connectOnce(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60));
             Statement s = c.createStatement()) {
            long shard;
            String from;
            String to;
            try (ResultSet rs = s.executeQuery("SELECT p.shardid, p.nodename, (SELECT n.nodename FROM pg_dist_node n"
                    + " WHERE n.shouldhaveshards AND n.groupid > 0 AND n.nodename NOT IN (SELECT nodename FROM"
                    + " citus_shards WHERE shardid = p.shardid) ORDER BY n.nodename LIMIT 1)"
                    + " FROM citus_shards p WHERE p.table_name = '" + table + "'::regclass ORDER BY p.shardid, p.nodename LIMIT 1")) {
                if (!rs.next()) {
                    throw new SQLException("the table " + table + " has no shard");
                }
                shard = rs.getLong(1);
                from = rs.getString(2);
                to = rs.getString(3);
            }
            s.execute("SELECT citus_copy_shard_placement(" + shard + ", '" + from + "', 5432, '" + to
                    + "', 5432, transfer_mode := 'block_writes')");
        }
    }
}
