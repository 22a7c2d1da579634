package io.github.chatcluster.cluster.external;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SpareWorker;

/**
 * The spare worker a cluster file names ({@code spare.worker-5 = host:port}): a node that runs already, which the
 * suite only adds to the cluster and removes again. "Provided" means a scenario uses it now.
 */
final class ExternalSpareWorker implements SpareWorker {

    /** The chat tables and their shard tables: what the suite itself may leave on the spare. */
    static final String CHAT_TABLE = "^(rooms|room_members|messages)(_[0-9]+)?$";

    private final Endpoint endpoint;
    private volatile boolean provided;

    ExternalSpareWorker(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Endpoint provide() {
        provided = true;
        return endpoint;
    }

    @Override
    public boolean isProvided() {
        return provided;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Ends the scenario's use of the spare; once it is out of the cluster, the chat shard tables left on it (a move's
     * old copies whose cleanup records Citus can no longer process) are dropped, so that the next scenario finds it empty.
     */
    @Override
    public void release() {
        provided = false;
        dropLeftShardTables();
    }

    /**
     * Before the first scenario: when the spare is outside the cluster (not among the nodes of coordinator-1's metadata),
     * the chat shard tables an earlier run left on it are dropped. One still in the cluster (a run stopped while it was
     * in) is left to the check before the first scenario, which drains and removes it.
     */
    void prepareForTheRun(java.util.List<String> clusterNodes) {
        if (clusterNodes.contains(NAME)) {
            return;
        }
        java.util.List<String> dropped = dropLeftShardTables();
        if (!dropped.isEmpty()) {
            System.out.println("The spare worker held " + dropped.size() + " chat shard tables an earlier run left: dropped");
        }
    }

    /** Drops the chat shard tables on the spare; returns their names. The spare must not be part of the cluster. */
    java.util.List<String> dropLeftShardTables() {
        java.util.List<String> dropped = new java.util.ArrayList<>();
        try (java.sql.Connection c = endpoint.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET citus.override_table_visibility = off");
            try (java.sql.ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind IN ('r', 'p') AND relname ~ '^(rooms|room_members|messages)_[0-9]+$'")) {
                while (rs.next()) {
                    dropped.add(rs.getString(1));
                }
            }
            if (!dropped.isEmpty()) {
                s.execute("SET citus.enable_manual_changes_to_shards = on");
                for (String table : dropped) {
                    s.execute("DROP TABLE IF EXISTS public." + table);
                }
            }
        } catch (java.sql.SQLException e) {
            System.err.println("could not drop the shard tables left on the spare worker " + endpoint.host() + ":" + endpoint.port()
                    + ": " + e.getMessage());
        }
        return dropped;
    }
}
