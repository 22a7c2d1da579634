package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReadScalingVerdictTest {

    private static final List<String> WORKERS = List.of("worker-1", "worker-2", "worker-3", "worker-4");

    @Test
    void everyWorkerServingThroughEachCoordinatorHoldsAndAnIdleOneDoesNot() {
        Map<String, Long> all = Map.of("worker-1", 10L, "worker-2", 8L, "worker-3", 7L, "worker-4", 7L);
        assertThat(ReadScalingVerdict.asConfigured(Map.of("coordinator-1", all, "coordinator-2", all), WORKERS).verdict())
                .isEqualTo(Verdict.HELD);
        Map<String, Long> idle = Map.of("worker-1", 16L, "worker-2", 10L, "worker-3", 6L, "worker-4", 0L);
        var j = ReadScalingVerdict.asConfigured(Map.of("coordinator-1", all, "coordinator-2", idle), WORKERS);
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(j.why()).contains("worker-4 served none of the reads through coordinator-2");
    }

    @Test
    void withAWorkerDownEveryReadServedByTheOthersHoldsAndAShortfallDoesNot() {
        assertThat(ReadScalingVerdict.withAWorkerDown("worker-1", Map.of("coordinator-1", 64), Map.of("coordinator-1", 64L)).verdict())
                .isEqualTo(Verdict.HELD);
        var j = ReadScalingVerdict.withAWorkerDown("worker-1", Map.of("coordinator-1", 64), Map.of("coordinator-1", 40L));
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(j.why()).contains("served 40 of 64 reads");
    }

    @Test
    void noReadsDecideNothing() {
        assertThat(ReadScalingVerdict.asConfigured(Map.of(), WORKERS).verdict()).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(ReadScalingVerdict.withAWorkerDown("worker-1", Map.of(), Map.of()).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }
}
