package io.github.chatcluster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClientGapsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void theLongestGapIsBetweenTwoSuccesses() {
        ClientGaps gaps = new ClientGaps(T0);
        gaps.success(at(0.1));
        gaps.success(at(0.2));
        gaps.success(at(3.2));
        gaps.success(at(3.3));
        gaps.stopped(at(3.5));
        assertThat(gaps.longest()).isEqualTo(Duration.ofSeconds(3));
        assertThat(gaps.longestBeganAfterSeconds()).isEqualTo(0.2);
        assertThat(gaps.successes()).isEqualTo(4);
    }

    @Test
    void aClientThatNeverSucceededWasWithoutSuccessTheWholeTime() {
        ClientGaps gaps = new ClientGaps(T0);
        gaps.stopped(at(12));
        assertThat(gaps.longest()).isEqualTo(Duration.ofSeconds(12));
        assertThat(gaps.longestBeganAfterSeconds()).isZero();
    }

    @Test
    void theTimeAfterTheLastSuccessCounts() {
        ClientGaps gaps = new ClientGaps(T0);
        gaps.success(at(1));
        gaps.stopped(at(9));
        assertThat(gaps.longest()).isEqualTo(Duration.ofSeconds(8));
        assertThat(gaps.longestBeganAfterSeconds()).isEqualTo(1.0);
    }
}
