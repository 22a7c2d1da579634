package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;

import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.cluster.Endpoint;

/** The check that every acknowledged write is read back, once, through an entry point. */
final class AcknowledgedWrites {

    private AcknowledgedWrites() {
    }

    /** Fails with what is missing or stored twice; returns how long the slowest read query took. */
    static Duration assertAllReadOnceThrough(AckLog acks, Endpoint entry) {
        AckLog.ReadBack readBack;
        try {
            readBack = acks.readBackThrough(entry);
        } catch (SQLException e) {
            throw new AssertionError("Reading the acknowledged writes through " + entry + " failed: " + e.getMessage(), e);
        }
        assertThat(readBack.problems()).as("acknowledged writes read back through %s", entry).isEmpty();
        return readBack.slowestQuery();
    }
}
