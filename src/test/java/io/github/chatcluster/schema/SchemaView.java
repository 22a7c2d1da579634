package io.github.chatcluster.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.NodeSessions;

/**
 * What each node's catalog shows of the application's schema (schema {@code public}, without what belongs to an
 * extension): its tables and how Citus distributes them, a table's columns, the indexes and whether each is valid. Only
 * looks; never changes anything.
 */
public final class SchemaView {

    /** One row per table: name, kind, distribution column, co-location group. */
    public static final String TABLES = """
            SELECT c.relname || '|' ||
                   CASE WHEN p.logicalrelid IS NULL THEN 'local'
                        WHEN p.partmethod = 'h' THEN 'distributed'
                        WHEN p.partmethod = 'n' AND p.repmodel = 't' THEN 'reference'
                        ELSE 'local' END || '|' ||
                   coalesce(CASE WHEN p.partmethod = 'h' THEN column_to_column_name(p.logicalrelid, p.partkey) END, '') || '|' ||
                   coalesce(p.colocationid, 0)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
              AND c.relname NOT IN (SELECT shard_name(s.logicalrelid, s.shardid) FROM pg_dist_shard s)
            ORDER BY c.relname""";

    /**
     * Every index of schema {@code public} on a node, with whether it is valid and its table: {@code name|valid|table} or
     * {@code name|invalid|table}. On a worker these are the shards' indexes ({@code messages_sender_102072}); on a
     * coordinator the tables' own. Run on a session with {@code citus.override_table_visibility} off
     * ({@link #showShards}), or Citus hides the shards' indexes.
     */
    public static final String INDEXES = """
            SELECT c.relname || '|' || CASE WHEN i.indisvalid THEN 'valid' ELSE 'invalid' END || '|' || t.relname
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            ORDER BY c.relname""";

    /** Makes the suite's session on the node see the shards' own tables and indexes, which Citus hides by default. */
    public static void showShards(NodeSessions s, String node) {
        s.strings(node, "SELECT set_config('citus.override_table_visibility', 'off', false)");
    }

    private final ChatCluster cluster;

    public SchemaView(ChatCluster cluster) {
        this.cluster = cluster;
    }

    /** The table's columns, in order, as the node's catalog shows them (empty when it has no such table). */
    public List<String> columns(String node, String table) {
        return NodeSessions.of(cluster).strings(node, "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass('public."
                + table + "') AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
    }

    /** An index as a node's catalog shows it: its name, whether it is valid, and its table (a shard's, on a worker). */
    public record Index(String name, boolean valid, String table) {
    }

    /** Every index of schema {@code public} on the node, the shards' own included ({@link #INDEXES}). */
    public static List<Index> indexesOn(NodeSessions s, String node) {
        showShards(s, node);
        return s.strings(node, INDEXES).stream().map(row -> {
            String[] f = row.split("\\|", 3);
            return new Index(f[0], "valid".equals(f[1]), f[2]);
        }).toList();
    }

    /** Each index of the node whose name is the given one or one of its shards' ({@code name_<shard id>}), valid or not. */
    public Map<String, Boolean> indexes(String node, String index) {
        Map<String, Boolean> found = new TreeMap<>();
        for (Index i : indexesOn(NodeSessions.of(cluster), node)) {
            if (i.name().equals(index) || i.name().matches(java.util.regex.Pattern.quote(index) + "_\\d+")) {
                found.put(i.name(), i.valid());
            }
        }
        return found;
    }

    /** The names of the node's indexes of schema {@code public} (on a coordinator: the tables' own). */
    public List<String> indexNames(String node) {
        return indexesOn(NodeSessions.of(cluster), node).stream().map(Index::name).toList();
    }

    /** How many index builds of the shard table the node is running now ({@code pg_stat_progress_create_index}). */
    public int indexBuildsInProgress(String node, String shardTable) {
        NodeSessions s = NodeSessions.of(cluster);
        showShards(s, node);
        return Integer.parseInt(s.strings(node, "SELECT count(*) FROM pg_stat_progress_create_index p JOIN pg_class c ON c.oid = p.relid"
                + " WHERE c.relname = '" + shardTable.replace("'", "''") + "'").get(0));
    }

    /** How each coordinator's catalog sees the table (empty when it has no such table). */
    public java.util.Optional<io.github.chatcluster.catalog.SchemaShape.Table> table(String node, String name) {
        return NodeSessions.of(cluster).strings(node, TABLES).stream().map(SchemaView::parse).filter(t -> t.name().equals(name)).findFirst();
    }

    /** A row of {@link #TABLES}: {@code name|kind|column|group}. */
    public static io.github.chatcluster.catalog.SchemaShape.Table parse(String row) {
        String[] f = row.split("\\|", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("a table's row from the catalog has 4 fields, not: " + row);
        }
        return switch (f[1]) {
            case "distributed" -> io.github.chatcluster.catalog.SchemaShape.Table.distributed(f[0], f[2], Integer.parseInt(f[3]));
            case "reference" -> io.github.chatcluster.catalog.SchemaShape.Table.reference(f[0]);
            case "local" -> io.github.chatcluster.catalog.SchemaShape.Table.local(f[0]);
            default -> throw new IllegalArgumentException("a table's kind is distributed, reference or local, not: " + row);
        };
    }

    /** The names of the tables of schema {@code public} on the node (not Citus's own, not shard tables). */
    public List<String> tables(String node) {
        return NodeSessions.of(cluster).strings(node, TABLES).stream().map(row -> row.substring(0, row.indexOf('|'))).toList();
    }

    /** {@link #tryQuery} of a few rows of the table's column: what a client of the new schema sees. */
    public static String tryReadingColumn(Endpoint entry, String table, String column) {
        return tryQuery(entry, "SELECT \"" + column + "\" FROM public.\"" + table + "\" LIMIT 5");
    }

    /**
     * Whether a query through the entry point answers (on a session of its own): what a client sees of the schema.
     * Returns "answers" or the SQLSTATE and first line of the error.
     */
    public static String tryQuery(Endpoint entry, String sql) {
        try (Connection c = entry.connect(java.time.Duration.ofSeconds(30)); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // read every row: an error on a later shard shows too
            }
            return "answers";
        } catch (SQLException e) {
            return e.getSQLState() + ": " + io.github.chatcluster.cluster.Text.firstLine(e.getMessage());
        }
    }
}
