package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundVerdictTest {

    private static Duration s(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Test
    void theWorstTrialDecidesWithItsMargin() {
        var held = BoundVerdict.judge("the slowest client's gap", List.of(s(1.2), s(2.4), s(0.9)), s(5));
        assertThat(held.verdict()).isEqualTo(Verdict.HELD);
        assertThat(held.margin()).isEqualTo(s(2.6));
        assertThat(held.why()).contains("1.20, 2.40, 0.90 s").contains("the worst 2.40 s, under the bound of 5.0 s by 2.60 s");
        var notHeld = BoundVerdict.judge("the slowest client's gap", List.of(s(1.2), s(6.0), s(0.9)), s(5));
        assertThat(notHeld.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(notHeld.why()).contains("over the bound of 5.0 s by 1.00 s");
        assertThat(BoundVerdict.judge("x", List.of(s(5), s(1), s(1)), s(5)).verdict()).as("the bound itself is not under it").isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void fewerThanThreeTrialsDecideNothing() {
        assertThat(BoundVerdict.judge("x", List.of(s(1), s(1)), s(5)).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }
}
