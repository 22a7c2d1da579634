package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongScenariosFirstTest {

    @Test
    void theLongerARecordedTimeTheEarlierAndTheOnesThatRunAloneLast() {
        assertThat(LongScenariosFirst.score(false, 412.3)).isGreaterThan(LongScenariosFirst.score(false, 58.6));
        assertThat(LongScenariosFirst.score(false, 0.2)).as("every scenario scores at least 1").isEqualTo(1);
        assertThat(LongScenariosFirst.score(true, 300)).as("a scenario that runs alone starts last, long or not").isZero();
    }
}
