package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {

    @Test
    void criticalCountsAgreeWithThePublishedTables() {
        // Two-sided 5 % critical values of U (Mann-Whitney tables): n = m = 4: 0, 6: 5, 8: 13, 10: 23.
        assertThat(MannWhitney.lowerCriticalCount(4, 4, 0.025)).isEqualTo(1);
        assertThat(MannWhitney.lowerCriticalCount(6, 6, 0.025)).isEqualTo(6);
        assertThat(MannWhitney.lowerCriticalCount(8, 8, 0.025)).isEqualTo(14);
        assertThat(MannWhitney.lowerCriticalCount(10, 10, 0.025)).isEqualTo(24);
        assertThat(MannWhitney.cumulative(3, 3, 0)).isCloseTo(1 / 20.0, within(1e-12));
        assertThat(MannWhitney.cumulative(5, 7, 35)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void threeAgainstThreeTrialsCannotReachNinetyFivePercent() {
        RatioInterval r = RatioInterval.of(List.of(1.0, 1.1, 0.9), List.of(3.0, 3.1, 2.9), 0.95);
        assertThat(r.bounded()).isFalse();
        assertThat(r.toString()).contains("too few");
    }

    @Test
    void theEstimateIsTheMedianRatioAndTheIntervalHoldsIt() {
        List<Double> a = List.of(100.0, 104.0, 98.0, 101.0, 99.0, 103.0);
        List<Double> b = List.of(200.0, 210.0, 195.0, 205.0, 198.0, 202.0);
        RatioInterval r = RatioInterval.of(a, b, 0.95);
        assertThat(r.bounded()).isTrue();
        assertThat(r.estimate()).isCloseTo(2.0, within(0.05));
        assertThat(r.lower()).isLessThanOrEqualTo(r.estimate());
        assertThat(r.upper()).isGreaterThanOrEqualTo(r.estimate());
        assertThat(r.lower()).isGreaterThan(1.8);
        assertThat(r.coverage()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.holdsOne()).isFalse();
    }

    @Test
    void figuresMustBePositive() {
        assertThatThrownBy(() -> RatioInterval.of(List.of(0.0), List.of(1.0), 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatioInterval.of(List.of(), List.of(1.0), 0.95)).isInstanceOf(IllegalArgumentException.class);
    }
}
