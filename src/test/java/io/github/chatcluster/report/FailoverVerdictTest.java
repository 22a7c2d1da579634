package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FailoverVerdictTest {

    @Test
    void heldWhenTheSlowestClientOfEveryTrialIsUnderFiveSeconds() {
        assertThat(FailoverVerdict.judge(List.of(Duration.ofMillis(1200), Duration.ofMillis(4999))).held()).isTrue();
    }

    @Test
    void notHeldWhenOneTrialsSlowestClientTookFiveSecondsOrMore() {
        assertThat(FailoverVerdict.judge(List.of(Duration.ofMillis(900), Duration.ofSeconds(5))).held()).isFalse();
        assertThat(FailoverVerdict.judge(List.of(Duration.ofSeconds(7))).slowest()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aFailoverMustHaveBeenMeasured() {
        assertThatThrownBy(() -> FailoverVerdict.judge(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
