package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContentionVerdictTest {

    @Test
    void lowerLatencyInEveryTrialThroughBothHolds() {
        assertThat(ContentionVerdict.judge(List.of(13L, 15L), List.of(11L, 12L)).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void noLowerLatencyThroughBothDoesNotHold() {
        assertThat(ContentionVerdict.judge(List.of(12L, 13L), List.of(13L, 14L)).verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void overlappingMediansDecideNothing() {
        assertThat(ContentionVerdict.judge(List.of(11L, 15L), List.of(12L, 13L)).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }
}
