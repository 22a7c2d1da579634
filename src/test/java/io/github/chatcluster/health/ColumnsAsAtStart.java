package io.github.chatcluster.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.NodeSessions;

/**
 * Every table keeps the columns it had when its cluster was first checked, as coordinator-1's catalog shows them. A
 * column that a scenario added and could not drop again (the drop refused while a worker was out of reach, say) is
 * dropped here, through coordinator-1. Left in place, such a column can hold a different value on each copy of a shard
 * (a {@code DEFAULT now()} is evaluated on each worker at its own ALTER), and every later scenario on that cluster that
 * compares the copies fails: seven did in run R25 of 6 Dec 2026. A column that went missing is not given back; the
 * cluster is then beyond repair, and a new one is built. Tables that appeared since the first check are
 * {@link SchemaAsDesigned}'s; tables an external cluster's database held before the run are not looked at.
 */
final class ColumnsAsAtStart implements Condition {

    /** {@code table.column} of every table of schema {@code public}, but an extension's. */
    static final String COLUMNS = """
            SELECT c.relname || '.' || a.attname
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    /** The columns of each cluster at its first check (weak: a removed cluster's are forgotten with it). */
    private static final Map<ChatCluster, Set<String>> AT_START = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public String what() {
        return "the columns of the tables";
    }

    @Override
    public List<String> problems(NodeSessions s) {
        Set<String> now = columns(s);
        return differences(AT_START.computeIfAbsent(s.cluster(), c -> now), now);
    }

    @Override
    public List<String> repair(NodeSessions s) {
        Set<String> start = AT_START.get(s.cluster());
        if (start == null) {
            return List.of();
        }
        List<String> done = new ArrayList<>();
        for (String column : added(start, columns(s))) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1);
            s.execute(ChatCluster.COORDINATOR_1, "ALTER TABLE public.\"" + table + "\" DROP COLUMN IF EXISTS \"" + name + "\"");
            done.add("dropped the column " + column + ", which an earlier scenario left");
        }
        return done;
    }

    private static Set<String> columns(NodeSessions s) {
        return ours(s.strings(ChatCluster.COORDINATOR_1, COLUMNS), s.cluster().tablesFoundBeforeTheRun());
    }

    /** The columns of the tables the suite may change: not those of tables an external cluster held before the run. */
    static Set<String> ours(java.util.Collection<String> columns, Set<String> tablesFoundBefore) {
        Set<String> ours = new TreeSet<>();
        columns.stream().filter(c -> !tablesFoundBefore.contains(c.substring(0, c.indexOf('.')))).forEach(ours::add);
        return ours;
    }

    /** The columns ({@code table.column}) of tables that were there at the start and that the start did not have. */
    static List<String> added(Set<String> start, Set<String> now) {
        Set<String> tables = new TreeSet<>();
        start.forEach(c -> tables.add(c.substring(0, c.indexOf('.'))));
        return now.stream().filter(c -> !start.contains(c) && tables.contains(c.substring(0, c.indexOf('.')))).toList();
    }

    /** What differs from the start: columns added to its tables, and columns missing from the tables still there. */
    static List<String> differences(Set<String> start, Set<String> now) {
        List<String> problems = new ArrayList<>();
        added(start, now).forEach(c -> problems.add("the column " + c + " was not there when the cluster started (left by an earlier scenario)"));
        Set<String> tablesNow = new TreeSet<>();
        now.forEach(c -> tablesNow.add(c.substring(0, c.indexOf('.'))));
        start.stream().filter(c -> !now.contains(c) && tablesNow.contains(c.substring(0, c.indexOf('.'))))
                .forEach(c -> problems.add("the column " + c + " is gone: it was there when the cluster started"));
        return problems;
    }
}
