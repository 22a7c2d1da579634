package io.github.chatcluster.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CheckTimesTest {

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

    @Test
    void theConditionsOfHealthyChecksAreListedSlowestFirstAndRepairedChecksLeftOut() {
        CheckTimes times = new CheckTimes();
        times.add(outcome(true, Map.of("the nodes' answers", 60, "the load balancer's routing", 120)));
        times.add(outcome(true, Map.of("the nodes' answers", 80, "the load balancer's routing", 100)));
        times.add(outcome(false, Map.of("the nodes' answers", 9000)));
        assertThat(times.describeConditions())
                .isEqualTo("medians: the load balancer's routing 0.100 s, the nodes' answers 0.060 s");
    }

    private static HealthyBaseline.Outcome outcome(boolean healthy, Map<String, Integer> millis) {
        Map<String, Duration> look = new LinkedHashMap<>();
        millis.forEach((what, ms) -> look.put(what, Duration.ofMillis(ms)));
        List<String> found = healthy ? List.of() : List.of("a node is down");
        return new HealthyBaseline.Outcome(found, List.of(), Duration.ofMillis(500), List.of(), look);
    }
}
