package io.github.chatcluster.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PercentileTest {

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValue() {
        assertThat(Percentile.of(List.of(4, 1, 3, 2), 0.5)).isEqualTo(2);
    }

    @Test
    void the90thPercentileOfTenValuesIsTheNinth() {
        assertThat(Percentile.of(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 0.9)).isEqualTo(9);
    }

    @Test
    void theWholeShareIsTheLargestAndOneValueIsEveryPercentile() {
        assertThat(Percentile.of(List.of(3, 7, 5), 1.0)).isEqualTo(7);
        assertThat(Percentile.of(List.of(42), 0.01)).isEqualTo(42);
    }

    @Test
    void noValueOrAShareOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> Percentile.of(List.<Integer>of(), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentile.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
