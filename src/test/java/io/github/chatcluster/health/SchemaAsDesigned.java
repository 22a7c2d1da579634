package io.github.chatcluster.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.chatcluster.catalog.SchemaShape;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.NodeSessions;
import io.github.chatcluster.schema.SchemaView;

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

    @Override
    public String what() {
        return "the tables of the schema";
    }

    @Override
    public List<String> problems(NodeSessions s) {
        Map<String, Map<String, SchemaShape.Table>> byCoordinator = new LinkedHashMap<>();
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            Map<String, SchemaShape.Table> tables = new TreeMap<>();
            for (String row : s.strings(coordinator, SchemaView.TABLES)) {
                SchemaShape.Table t = SchemaView.parse(row);
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

    @Override
    public List<String> repair(NodeSessions s) {
        return List.of();
    }
}
