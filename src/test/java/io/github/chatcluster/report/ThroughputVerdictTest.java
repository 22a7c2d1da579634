package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThroughputVerdictTest {

    @Test
    void heldWhenEveryTrialThroughBothHasTwiceEveryTrialThroughOne() {
        assertThat(ThroughputVerdict.judge(List.of(10.0, 11.0, 12.0), List.of(24.0, 25.0, 30.0)).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void exactlyTwiceIsHeld() {
        assertThat(ThroughputVerdict.judge(List.of(10.0), List.of(20.0)).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void notHeldWhenEveryTrialThroughBothHasLessThanTwiceEveryTrialThroughOne() {
        assertThat(ThroughputVerdict.judge(List.of(10.0, 11.0, 12.0), List.of(15.0, 18.0, 19.9)).verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void notDecidedWhenTheTrialsSpreadAcrossTheLine() {
        // 1.9 times the median, but one trial through both reaches twice the slowest trial through one
        assertThat(ThroughputVerdict.judge(List.of(10.0, 11.0, 12.0), List.of(19.0, 21.0, 22.0)).verdict()).isEqualTo(Verdict.NOT_DECIDED);
        // the medians say twice, but one trial through both is below twice the fastest through one
        assertThat(ThroughputVerdict.judge(List.of(10.0, 10.0, 13.0), List.of(20.0, 20.0, 21.0)).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }

    @Test
    void bothKindsOfTrialAreNeeded() {
        assertThatThrownBy(() -> ThroughputVerdict.judge(List.of(), List.of(1.0))).isInstanceOf(IllegalArgumentException.class);
    }
}
