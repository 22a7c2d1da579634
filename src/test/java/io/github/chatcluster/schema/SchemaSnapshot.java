package io.github.chatcluster.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.NodeSessions;

/**
 * The schema as a scenario found it (each coordinator's tables, their columns, coordinator-1's indexes), and what
 * gives it back: what the scenario added is dropped, through coordinator-1 when Citus propagates it, through
 * coordinator-2 for a table only it has. A scenario that changes the schema ends with this, also when it failed; the
 * check before the next scenario finds what could not be dropped (a worker still down, say).
 */
public final class SchemaSnapshot {

    private final Map<String, Set<String>> tablesByCoordinator;
    private final Map<String, Set<String>> columnsByTable;
    private final Set<String> indexes;

    private SchemaSnapshot(Map<String, Set<String>> tablesByCoordinator, Map<String, Set<String>> columnsByTable, Set<String> indexes) {
        this.tablesByCoordinator = tablesByCoordinator;
        this.columnsByTable = columnsByTable;
        this.indexes = indexes;
    }

    public static SchemaSnapshot take(ChatCluster cluster) {
        SchemaView view = new SchemaView(cluster);
        Map<String, Set<String>> tables = new TreeMap<>();
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            tables.put(coordinator, new LinkedHashSet<>(view.tables(coordinator)));
        }
        Map<String, Set<String>> columns = new TreeMap<>();
        for (String table : tables.get(ChatCluster.COORDINATOR_1)) {
            columns.put(table, new LinkedHashSet<>(view.columns(ChatCluster.COORDINATOR_1, table)));
        }
        return new SchemaSnapshot(tables, columns, new LinkedHashSet<>(view.indexNames(ChatCluster.COORDINATOR_1)));
    }

    /** Drops what was added since the snapshot; returns what it did, one line each. Each drop is tried on its own. */
    public List<String> giveBack(ChatCluster cluster) {
        SchemaSnapshot now = take(cluster);
        NodeSessions s = NodeSessions.of(cluster);
        List<String> done = new ArrayList<>();
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            for (String table : now.tablesByCoordinator.get(coordinator)) {
                if (!tablesByCoordinator.get(coordinator).contains(table)) {
                    done.add(tryTo(s, coordinator, "DROP TABLE IF EXISTS public.\"" + table + "\""));
                }
            }
        }
        columnsByTable.forEach((table, columns) -> now.columnsByTable.getOrDefault(table, Set.of()).stream()
                .filter(c -> !columns.contains(c))
                .forEach(c -> done.add(tryTo(s, ChatCluster.COORDINATOR_1, "ALTER TABLE public.\"" + table + "\" DROP COLUMN IF EXISTS \"" + c + "\""))));
        now.indexes.stream().filter(i -> !indexes.contains(i))
                .forEach(i -> done.add(tryTo(s, ChatCluster.COORDINATOR_1, "DROP INDEX CONCURRENTLY IF EXISTS public.\"" + i + "\"")));
        return done;
    }

    private static String tryTo(NodeSessions s, String coordinator, String statement) {
        try {
            s.execute(coordinator, statement);
            return statement + " through " + coordinator;
        } catch (RuntimeException e) {
            return statement + " through " + coordinator + " failed (the check before the next scenario finds what is left): "
                    + io.github.chatcluster.cluster.Text.firstLine(e.getMessage());
        }
    }
}
