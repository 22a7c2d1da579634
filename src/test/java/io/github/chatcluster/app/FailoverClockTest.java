package io.github.chatcluster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class FailoverClockTest {

    @Test
    void connectionFailuresAndAServerGoingDownAreAnOutage() {
        assertThat(FailoverClock.isOutage(new SQLException("refused", "08001"))).isTrue();
        assertThat(FailoverClock.isOutage(new SQLException("connection to the remote node coordinator-2 failed", "08006"))).isTrue();
        assertThat(FailoverClock.isOutage(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(FailoverClock.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(FailoverClock.isOutage(new SQLException("I/O error"))).isTrue();
    }

    @Test
    void aDuplicateKeyOrAnyOtherErrorIsNotAnOutage() {
        assertThat(FailoverClock.isOutage(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(FailoverClock.isOutage(new SQLException("syntax error", "42601"))).isFalse();
    }
}
