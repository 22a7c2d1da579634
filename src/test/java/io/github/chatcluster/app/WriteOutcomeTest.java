package io.github.chatcluster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

class WriteOutcomeTest {

    /** An error the server reported on a working connection. */
    static PSQLException server(String severity, String sqlState, String message) {
        return new PSQLException(new ServerErrorMessage("S" + severity + "\0C" + sqlState + "\0M" + message + "\0"));
    }

    /** The driver's own I/O error: the connection broke. */
    static PSQLException ioError() {
        return new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE,
                new IOException("Connection reset"));
    }

    @Test
    void everyErrorBeforeCommitIsARefusal() {
        assertThat(WriteOutcome.of(ioError(), false)).isEqualTo(WriteOutcome.REFUSED);
        assertThat(WriteOutcome.of(server("FATAL", "57P01", "terminating connection"), false)).isEqualTo(WriteOutcome.REFUSED);
    }

    @Test
    void aLostConnectionDuringCommitIsUnknown() {
        assertThat(WriteOutcome.of(ioError(), true)).isEqualTo(WriteOutcome.UNKNOWN);
        assertThat(WriteOutcome.of(server("FATAL", "57P01", "terminating connection due to administrator command"), true))
                .isEqualTo(WriteOutcome.UNKNOWN);
        assertThat(WriteOutcome.of(new SQLException("socket closed", "08006"), true)).isEqualTo(WriteOutcome.UNKNOWN);
    }

    @Test
    void theCoordinatorsPostmasterDyingDuringCommitIsUnknown() {
        // Citus raises it while COMMIT waits on the workers, also after the coordinator has committed (R24, 6 Dec 2026)
        PSQLException death = server("ERROR", "XX000", "postmaster was shut down, exiting");
        assertThat(WriteOutcome.of(death, true)).isEqualTo(WriteOutcome.UNKNOWN);
        assertThat(WriteOutcome.of(death, false)).as("before COMMIT the transaction cannot have committed").isEqualTo(WriteOutcome.REFUSED);
        assertThat(WriteOutcome.of(server("ERROR", "XX000", "failure on connection marked as essential: coordinator-2:5432"), true))
                .as("another internal error, raised before the coordinator commits").isEqualTo(WriteOutcome.REFUSED);
    }

    @Test
    void aRemoteFailureReportedOnAWorkingConnectionIsARefusalEvenDuringCommit() {
        // Citus: "connection to the remote node worker-3:5432 failed", an ERROR on the client's working connection
        assertThat(WriteOutcome.of(server("ERROR", "08006", "connection to the remote node worker-3:5432 failed"), true))
                .isEqualTo(WriteOutcome.REFUSED);
        assertThat(WriteOutcome.of(server("ERROR", "23505", "duplicate key value"), true)).isEqualTo(WriteOutcome.REFUSED);
    }

    @Test
    void finalRefusalsAreThoseARetryCannotChange() {
        assertThat(WriteOutcome.isFinalRefusal("23505")).as("a unique violation").isTrue();
        assertThat(WriteOutcome.isFinalRefusal("42P01")).as("no such table").isTrue();
        assertThat(WriteOutcome.isFinalRefusal("25006")).as("a read-only transaction").isTrue();
        assertThat(WriteOutcome.isFinalRefusal("P0001")).as("the application's own rule (raise)").isTrue();
        assertThat(WriteOutcome.isFinalRefusal("08006")).as("a remote node unreachable").isFalse();
        assertThat(WriteOutcome.isFinalRefusal("57014")).as("a statement timeout").isFalse();
        assertThat(WriteOutcome.isFinalRefusal("40001")).as("a serialization failure").isFalse();
        assertThat(WriteOutcome.isFinalRefusal(null)).isFalse();
    }
}
