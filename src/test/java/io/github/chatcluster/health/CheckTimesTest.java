package io.github.chatcluster.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckTimesTest {

    @Test
    void medianAndNinetiethPercentileByNearestRank() {
        List<Duration> tenths = IntStream.rangeClosed(1, 10).mapToObj(i -> Duration.ofMillis(100L * i)).toList();
        assertThat(CheckTimes.percentile(tenths, 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(CheckTimes.percentile(tenths, 0.9)).isEqualTo(Duration.ofMillis(900));
        assertThat(CheckTimes.percentile(List.of(Duration.ofSeconds(3)), 0.9)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void healthyAndRepairedChecksAreKeptApart() {
        CheckTimes times = new CheckTimes();
        times.add(true, Duration.ofMillis(300));
        times.add(true, Duration.ofMillis(100));
        times.add(true, Duration.ofMillis(200));
        times.add(false, Duration.ofSeconds(12));
        assertThat(times.describe(true)).isEqualTo("median 0.20 s, 90th percentile 0.30 s, of 3 check(s)");
        assertThat(times.describe(false)).isEqualTo("median 12.00 s, 90th percentile 12.00 s, of 1 check(s)");
        assertThat(new CheckTimes().describe(true)).isEqualTo("no check");
    }
}
