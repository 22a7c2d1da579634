package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConvergenceVerdictTest {

    @Test
    void heldOnlyWhenTheFinalReadsAgreeLoseNothingAndTheCopiesAreAlike() {
        assertThat(ConvergenceVerdict.of(40, 0, 0, 0, 32, 0)).isEqualTo(Verdict.HELD);
        assertThat(ConvergenceVerdict.of(40, 1, 0, 0, 32, 0)).isEqualTo(Verdict.NOT_HELD);
        assertThat(ConvergenceVerdict.of(40, 0, 0, 1, 32, 0)).isEqualTo(Verdict.NOT_HELD);
        assertThat(ConvergenceVerdict.of(40, 0, 0, 0, 32, 1)).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void aFailedFinalReadDecidesNothingUnlessSomethingElseWentWrong() {
        assertThat(ConvergenceVerdict.of(40, 0, 1, 0, 32, 0)).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(ConvergenceVerdict.of(40, 0, 1, 1, 32, 0)).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void nothingReadOrComparedDecidesNothing() {
        assertThat(ConvergenceVerdict.of(0, 0, 0, 0, 32, 0)).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(ConvergenceVerdict.of(40, 0, 0, 0, 0, 0)).isEqualTo(Verdict.NOT_DECIDED);
    }
}
