package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chatcluster.isolation.Anomaly.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsistencyVerdictsTest {

    @Test
    void eventualConsistencyHoldsOnlyWhenEveryReadBackSawBothHalves() {
        assertThat(ConsistencyVerdicts.eventual(565, 0)).isEqualTo(Verdict.HELD);
        assertThat(ConsistencyVerdicts.eventual(565, 1)).isEqualTo(Verdict.NOT_HELD);
        assertThat(ConsistencyVerdicts.eventual(0, 0)).isEqualTo(Verdict.NOT_DECIDED);
    }

    @Test
    void synchronizationHoldsOnlyWhenTheCheckerFindsNoReadSkew() {
        assertThat(ConsistencyVerdicts.synchronization(3997, Set.of(), false)).isEqualTo(Verdict.HELD);
        assertThat(ConsistencyVerdicts.synchronization(3997, Set.of(), true)).as("a cycle not classified").isEqualTo(Verdict.NOT_DECIDED);
        assertThat(ConsistencyVerdicts.synchronization(3997, Set.of(Kind.G_SINGLE), true)).isEqualTo(Verdict.NOT_HELD);
        assertThat(ConsistencyVerdicts.synchronization(3997, Set.of(Kind.G0, Kind.G_SINGLE), true)).isEqualTo(Verdict.NOT_HELD);
        assertThat(ConsistencyVerdicts.synchronization(3997, Set.of(Kind.INCOMPATIBLE_ORDER), false)).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(ConsistencyVerdicts.synchronization(0, Set.of(), false)).isEqualTo(Verdict.NOT_DECIDED);
    }
}
