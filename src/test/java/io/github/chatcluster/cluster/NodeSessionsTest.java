package io.github.chatcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class NodeSessionsTest {

    @Test
    void aSessionIsReplacedWhenItsConnectionOrAConnectionItKeptToAnotherNodeBroke() {
        assertThat(NodeSessions.brokeTheSession(new SQLException("An I/O error occurred", "08006"))).isTrue();
        assertThat(NodeSessions.brokeTheSession(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(NodeSessions.brokeTheSession(new SQLException("ERROR: failure on connection marked as essential: worker-3:5432", "XX000")))
                .as("a kept connection to worker-3 that broke since (R25)").isTrue();
    }

    @Test
    void aSessionThatStillWorksIsKept() {
        assertThat(NodeSessions.brokeTheSession(new SQLException("ERROR: relation \"x\" does not exist", "42P01"))).isFalse();
        assertThat(NodeSessions.brokeTheSession(new SQLException("ERROR: could not find a worker", "XX000"))).isFalse();
    }
}
