package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsistencyVerdictsTest {

    @Test
    void eventualConsistencyHoldsOnlyWhenEveryReadBackSawBothHalves() {
        assertThat(ConsistencyVerdicts.eventual(565, 0)).isEqualTo(Verdict.HELD);
        assertThat(ConsistencyVerdicts.eventual(565, 1)).isEqualTo(Verdict.NOT_HELD);
        assertThat(ConsistencyVerdicts.eventual(0, 0)).isEqualTo(Verdict.NOT_DECIDED);
    }

    @Test
    void synchronizationHoldsOnlyWhenNoReadSawHalfATransaction() {
        assertThat(ConsistencyVerdicts.synchronization(3997, 0)).isEqualTo(Verdict.HELD);
        assertThat(ConsistencyVerdicts.synchronization(3997, 262)).isEqualTo(Verdict.NOT_HELD);
        assertThat(ConsistencyVerdicts.synchronization(0, 0)).isEqualTo(Verdict.NOT_DECIDED);
    }
}
