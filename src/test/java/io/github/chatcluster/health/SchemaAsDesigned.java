package io.github.chatcluster.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.chatcluster.catalog.SchemaShape;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.NodeSessions;

/**
 * Every table of the application's schema, as each coordinator's catalog shows it, is what {@link SchemaShape} allows:
 * distributed by the room id and co-located with {@code rooms}, a reference table, or a local table named on purpose.
 * Every table in {@code public} is looked at, not only the three the chat application knows: a new table left
 * undistributed exists on coordinator-1 alone, and clients that land on coordinator-2 cannot see it. Tables that
 * belong to an extension (Citus's own), shard tables, and tables an external cluster's database held before the run
 * ({@link io.github.chatcluster.cluster.ChatCluster#tablesFoundBeforeTheRun()}) are left out. Nothing here repairs: a schema is the
 * application's, and a wrong one fails with what each coordinator sees.
 */
final class SchemaAsDesigned implements Condition {

    /** The local tables a feature keeps on purpose (none today). */
    static final Set<String> LOCAL_ON_PURPOSE = Set.of();

    /** One row per table: name, kind, distribution column, co-location group. */
    private static final String TABLES = """
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

    @Override
    public String what() {
        return "the tables of the schema";
    }

    @Override
    public List<String> problems(NodeSessions s) {
        Map<String, Map<String, SchemaShape.Table>> byCoordinator = new LinkedHashMap<>();
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            Map<String, SchemaShape.Table> tables = new TreeMap<>();
            for (String row : s.strings(coordinator, TABLES)) {
                SchemaShape.Table t = parse(row);
                if (!s.cluster().tablesFoundBeforeTheRun().contains(t.name())) {
                    tables.put(t.name(), t);
                }
            }
            byCoordinator.put(coordinator, tables);
        }
        List<String> problems = new java.util.ArrayList<>(SchemaShape.problems(byCoordinator, LOCAL_ON_PURPOSE));
        if (!problems.isEmpty()) {
            problems.add("(every new cluster deploys containers/schema/chat-schema.sql: a table it leaves wrong fails every scenario;"
                    + " a table a scenario left behind is gone with the cluster that is built next)");
        }
        return problems;
    }

    /** A row of {@link #TABLES}: {@code name|kind|column|group}. */
    static SchemaShape.Table parse(String row) {
        String[] f = row.split("\\|", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("a table's row from the catalog has 4 fields, not: " + row);
        }
        return switch (f[1]) {
            case "distributed" -> SchemaShape.Table.distributed(f[0], f[2], Integer.parseInt(f[3]));
            case "reference" -> SchemaShape.Table.reference(f[0]);
            case "local" -> SchemaShape.Table.local(f[0]);
            default -> throw new IllegalArgumentException("a table's kind is distributed, reference or local, not: " + row);
        };
    }

    @Override
    public List<String> repair(NodeSessions s) {
        return List.of();
    }
}
