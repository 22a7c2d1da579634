package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimSettlementTest {

    @Test
    void aVerdictOfAPassedScenarioCounts() {
        assertThat(ClaimSettlement.counts(true, -1, 3)).isTrue();
    }

    @Test
    void aClaimFoundFalseInTheStepThatChecksItCountsAlthoughTheScenarioFails() {
        assertThat(ClaimSettlement.counts(false, 3, 3)).isTrue();
    }

    @Test
    void aVerdictIsWithdrawnWhenALaterStepFailsForAnotherReason() {
        assertThat(ClaimSettlement.counts(false, 5, 3)).isFalse();
    }

    @Test
    void aFailureOutsideTheStepsLeavesTheVerdict() {
        // the scenario failed in a hook after its last step: no step failed
        assertThat(ClaimSettlement.counts(false, -1, 3)).isTrue();
    }
}
