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
        assertThat(FailoverVerdict.judge(List.of(Duration.ofMillis(1200), Duration.ofMillis(950))).why())
                .as("the margin to the bound").isEqualTo("the slowest client of 2 trial(s) after 1.20 s: under 5 s, by 3.80 s");
    }

    @Test
    void notHeldWhenOneTrialsSlowestClientTookFiveSecondsOrMore() {
        assertThat(FailoverVerdict.judge(List.of(Duration.ofMillis(900), Duration.ofSeconds(5))).held()).isFalse();
        assertThat(FailoverVerdict.judge(List.of(Duration.ofSeconds(7))).slowest()).isEqualTo(Duration.ofSeconds(7));
        assertThat(FailoverVerdict.judge(List.of(Duration.ofSeconds(7))).why()).endsWith("not under 5 s, by 2.00 s");
    }

    @Test
    void aFailoverMustHaveBeenMeasured() {
        assertThatThrownBy(() -> FailoverVerdict.judge(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
