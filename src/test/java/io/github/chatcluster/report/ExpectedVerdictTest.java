package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedVerdictTest {

    @Test
    void aFeatureStatesHoldsOrDoesNotHold() {
        assertThat(ExpectedVerdict.stated("holds")).isEqualTo(Verdict.HELD);
        assertThat(ExpectedVerdict.stated("does not hold")).isEqualTo(Verdict.NOT_HELD);
        assertThatThrownBy(() -> ExpectedVerdict.stated("is judged by")).hasMessageContaining("stronger experiment");
    }

    @Test
    void theSameVerdictPassesAndAnyChangeIsNamedInBothDirections() {
        SeedClaim c = SeedClaim.READ_PERFORMANCE;
        assertThat(ExpectedVerdict.changed(c, Verdict.NOT_HELD, Verdict.NOT_HELD, "x")).isNull();
        assertThat(ExpectedVerdict.changed(c, Verdict.NOT_HELD, Verdict.HELD, "1.4x"))
                .isEqualTo("the claim \"" + c.words() + "\" changed from NOT HELD to HELD: 1.4x");
        assertThat(ExpectedVerdict.changed(c, Verdict.HELD, Verdict.NOT_HELD, "0.9x")).contains("changed from HELD to NOT HELD");
        assertThat(ExpectedVerdict.changed(c, Verdict.HELD, Verdict.NOT_DECIDED, "straddles"))
                .contains("changed from HELD to NOT DECIDED: the experiment could not decide: straddles");
        assertThatThrownBy(() -> ExpectedVerdict.changed(c, Verdict.NOT_DECIDED, Verdict.HELD, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
