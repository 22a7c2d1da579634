package io.github.chatcluster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.chatcluster.cluster.Endpoint;

/** The retry policy's table: what is retried, what is final, and how each outcome is counted. */
class RetryPolicyTest {

    private static final Endpoint ENTRY = Endpoint.fixed("load-balancer", "localhost", 1, new Endpoint.Credentials("u", "p", "d"));
    private final OutcomeTally tally = new OutcomeTally();

    /** A write whose attempts fail with the given errors (each with whether it came during COMMIT), then succeed. */
    private static RetryPolicy.IdempotentWrite failing(boolean foundStoredAtLast, Object... errorsAndPhases) {
        Deque<ChatDatabaseException> errors = new ArrayDeque<>();
        for (int i = 0; i < errorsAndPhases.length; i += 2) {
            errors.add(new ChatDatabaseException(ENTRY, (SQLException) errorsAndPhases[i], (Boolean) errorsAndPhases[i + 1]));
        }
        return () -> {
            if (!errors.isEmpty()) {
                throw errors.poll();
            }
            return foundStoredAtLast;
        };
    }

    @Test
    void aRemoteFailureIsRetriedUntilTheWriteIsAcknowledged() {
        boolean stored = RetryPolicy.within(Duration.ofSeconds(5)).write(failing(false,
                WriteOutcomeTest.server("ERROR", "08006", "connection to the remote node worker-3 failed"), false), tally);
        assertThat(stored).isFalse();
        assertThat(tally.retries()).isEqualTo(1);
        assertThat(tally.refusedWrites()).isZero();
        assertThat(tally.unknownOutcomes()).isZero();
    }

    @Test
    void aFinalRefusalIsNotRetriedAndIsCountedBySqlState() {
        assertThatThrownBy(() -> RetryPolicy.within(Duration.ofSeconds(5)).write(failing(false,
                WriteOutcomeTest.server("ERROR", "23505", "duplicate key"), false), tally)).isInstanceOf(ChatDatabaseException.class);
        assertThat(tally.retries()).isZero();
        assertThat(tally.refusedBySqlState()).containsEntry("23505", 1);
    }

    @Test
    void anUnknownOutcomeResolvedByARetryThatFindsItStoredIsCountedAsResolvedAndCommitted() {
        boolean stored = RetryPolicy.within(Duration.ofSeconds(5)).write(failing(true, WriteOutcomeTest.ioError(), true), tally);
        assertThat(stored).isTrue();
        assertThat(tally.unknownOutcomes()).isEqualTo(1);
        assertThat(tally.unknownResolved()).isEqualTo(1);
        assertThat(tally.unknownThatHadCommitted()).isEqualTo(1);
        assertThat(tally.refusedWrites()).isZero();
    }

    @Test
    void withoutRetriesAnUnknownOutcomeIsInDoubtAndARefusalIsCounted() {
        assertThatThrownBy(() -> RetryPolicy.none().write(failing(false, WriteOutcomeTest.ioError(), true), tally))
                .isInstanceOf(RetryPolicy.InDoubt.class);
        assertThatThrownBy(() -> RetryPolicy.none().write(failing(false,
                WriteOutcomeTest.server("ERROR", "08006", "connection to the remote node worker-3 failed"), false), tally))
                .isInstanceOf(ChatDatabaseException.class);
        assertThat(tally.unknownOutcomes()).isEqualTo(1);
        assertThat(tally.refusedBySqlState()).containsEntry("08006", 1);
        assertThat(tally.retries()).isZero();
    }

    @Test
    void whenTheWindowEndsTheLastErrorDecides() {
        Object[] failures = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20).stream()
                .flatMap(i -> java.util.stream.Stream.of((Object) WriteOutcomeTest.server("ERROR", "08006", "remote node down"), false))
                .toArray();
        assertThatThrownBy(() -> RetryPolicy.within(Duration.ofMillis(500)).write(failing(false, failures), tally))
                .isInstanceOf(ChatDatabaseException.class);
        assertThat(tally.refusedBySqlState()).containsEntry("08006", 1);
        assertThat(tally.retries()).isPositive();
    }
}
