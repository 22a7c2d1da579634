package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadThroughputVerdictTest {

    @Test
    void bothAboveEveryTrialOfOneHolds() {
        assertThat(ReadThroughputVerdict.judge(List.of(900.0, 1000.0), List.of(1100.0, 1200.0)).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void bothNeverAboveOneDoesNotHold() {
        assertThat(ReadThroughputVerdict.judge(List.of(1000.0, 1100.0), List.of(950.0, 1000.0)).verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void overlappingTrialsDecideNothing() {
        ReadThroughputVerdict.Judgement j = ReadThroughputVerdict.judge(List.of(900.0, 1100.0), List.of(1000.0, 1200.0));
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(j.why()).contains("overlap");
    }
}
