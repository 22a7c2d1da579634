package io.github.chatcluster.cluster;

import static io.github.chatcluster.cluster.ChatCluster.COORDINATOR_1;
import static io.github.chatcluster.cluster.ChatCluster.COORDINATOR_2;
import static io.github.chatcluster.cluster.ChatCluster.WORKERS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Forms the cluster the way Citus documents a second coordinator ("query from any node"):
 * coordinator-1 is the coordinator (group 0) and adds the four workers, then adds coordinator-2
 * as a node with metadata that holds no shards. All of it before any table is distributed.
 */
final class ClusterFormation {

    private ClusterFormation() {
    }

    static void form(ChatCluster cluster) {
        Endpoint coordinator = cluster.coordinator1();
        ChatCluster.execute(coordinator, "SELECT citus_set_coordinator_host('" + COORDINATOR_1 + "', 5432)");
        for (String worker : WORKERS) {
            ChatCluster.execute(coordinator, "SELECT citus_add_node('" + worker + "', 5432)");
        }
        ChatCluster.execute(coordinator, "SELECT citus_add_node('" + COORDINATOR_2 + "', 5432)");
        ChatCluster.execute(coordinator,
                "SELECT citus_set_node_property('" + COORDINATOR_2 + "', 5432, 'shouldhaveshards', false)");
    }

    static void deploySchema(ChatCluster cluster, Path schemaFile) {
        String script;
        try {
            script = Files.readString(schemaFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the chat schema " + schemaFile + ": " + e.getMessage(), e);
        }
        for (String statement : SqlScript.statements(script)) {
            ChatCluster.execute(cluster.coordinator1(), statement);
        }
    }
}
