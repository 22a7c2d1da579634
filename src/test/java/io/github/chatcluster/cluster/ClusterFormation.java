package io.github.chatcluster.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Forms the cluster with {@code containers/citus/form-cluster.sql} (the system under test, shared with
 * {@code containers/compose.yaml}): coordinator-1 adds the four workers and coordinator-2 as a node with metadata
 * that holds no shards. Then deploys the chat schema. Both through coordinator-1.
 */
public final class ClusterFormation {

    private ClusterFormation() {
    }

    public static void form(ChatCluster cluster, Path formationScript) {
        run(cluster, formationScript, "cluster formation script");
    }

    public static void deploySchema(ChatCluster cluster, Path schemaFile) {
        run(cluster, schemaFile, "chat schema");
    }

    private static void run(ChatCluster cluster, Path file, String what) {
        String script;
        try {
            script = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
        for (String statement : SqlScript.statements(script)) {
            ChatCluster.execute(cluster.coordinator1(), statement);
        }
    }
}
