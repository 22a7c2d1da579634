package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.app.ReadBack;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.catalog.PreparedTransactions;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;


/** Checks that acknowledged writes are stored: read back, once, through entry points and on the placements. */
final class AcknowledgedWrites {

    private AcknowledgedWrites() {
    }

    /**
     * Fails with what is missing or stored twice, and where each of the first missing messages is; returns how long the
     * slowest read query took.
     */
    static Duration assertAllReadOnceThrough(ChatCluster cluster, AckLog acks, Endpoint entry) {
        java.time.Instant readAt = java.time.Instant.now();
        ReadBack readBack;
        try {
            readBack = acks.readBackThrough(entry);
        } catch (SQLException e) {
            throw new AssertionError("Reading the acknowledged writes through " + entry + " failed: " + e.getMessage(), e);
        }
        // The description is built only when the assertion fails: it reads the cluster again.
        assertThat(readBack.problems()).as(() -> "acknowledged writes read back through " + entry + " ("
                + whereTheMissingMessagesAre(cluster, acks, readBack, readAt) + ")").isEmpty();
        return readBack.slowestQuery();
    }

    /**
     * Where each of the first few messages missing from a read-back is: read on both copies of its shard (in
     * coordinator-1's catalog) and through every entry point, with where and when it was acknowledged. Only reads; its
     * own failures are part of its text.
     */
    private static String whereTheMissingMessagesAre(ChatCluster cluster, AckLog acks, ReadBack readBack, java.time.Instant readAt) {
        StringBuilder report = new StringBuilder("where the missing messages are, read again ")
                .append(Duration.between(readAt, java.time.Instant.now()).toMillis()).append(" ms after the read-back began at ")
                .append(readAt).append(" (").append(orWhyNot(() -> PreparedTransactions.describe(cluster))).append("):");
        try {
            int shown = 0;
            for (Map.Entry<Long, java.util.Set<UUID>> room : readBack.missingMessages().entrySet()) {
                for (UUID message : room.getValue()) {
                    if (shown++ == 3) {
                        return report.append("\n  (the others are not shown)").toString();
                    }
                    report.append("\n  message ").append(message).append(" of room ").append(room.getKey())
                            .append(acks.whence(message).map(w -> " (" + w + ")").orElse(""))
                            .append(": copies on the shard's placements ")
                            .append(orWhyNot(() -> new DataPlacement(cluster, cluster.coordinator1())
                                    .messageCopiesOnEachPlacement(room.getKey(), message)));
                    for (Endpoint through : cluster.entryPoints()) {
                        report.append("; read through ").append(through).append(": ")
                                .append(orWhyNot(() -> ChatInspection.through(through).copiesOfMessage(room.getKey(), message)));
                    }
                }
            }
            if (shown == 0) {
                report.append(" no message is missing, only rooms or members");
            }
        } catch (RuntimeException e) {
            report.append(" could not be read: ").append(e.getMessage());
        }
        return report.toString();
    }

    /** What the read found, or why it could not read (a stopped node, say), so that the other reads still report. */
    private static String orWhyNot(java.util.function.Supplier<Object> read) {
        try {
            return String.valueOf(read.get());
        } catch (RuntimeException e) {
            return "could not be read (" + e.getMessage() + ")";
        }
    }

    /** The message is read exactly once through each entry point. */
    static void assertMessageReadOnceThrough(List<Endpoint> entries, long roomId, UUID clientId) {
        for (Endpoint entry : entries) {
            assertThat(ChatInspection.through(entry).copiesOfMessage(roomId, clientId))
                    .as("copies of message %s of room %d read through %s", clientId, roomId, entry).isEqualTo(1);
        }
    }

    /**
     * The message is stored exactly once on each of the two placements of its shard, read on the workers; returns them.
     * The placements are looked up in the catalog of the given node.
     */
    static Map<String, Long> assertMessageOnBothPlacements(ChatCluster cluster, Endpoint catalogNode, long roomId, UUID clientId) {
        Map<String, Long> onPlacements = new DataPlacement(cluster, catalogNode).messageCopiesOnEachPlacement(roomId, clientId);
        assertThat(onPlacements).as("placements of the shard of message %s", clientId).hasSize(2);
        assertThat(onPlacements.values()).as("copies of message %s on each placement %s", clientId, onPlacements).containsOnly(1L);
        return onPlacements;
    }
}
