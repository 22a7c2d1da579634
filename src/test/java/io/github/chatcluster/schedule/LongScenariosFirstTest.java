package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestTag;

class LongScenariosFirstTest {

    @Test
    void minutesBeforeLongBeforeAnyOtherBeforeTheOnesThatRunAlone() {
        int minutes = LongScenariosFirst.score(Set.of(TestTag.create("minutes"), TestTag.create("failover")));
        int longer = LongScenariosFirst.score(Set.of(TestTag.create("long")));
        int other = LongScenariosFirst.score(Set.of(TestTag.create("smoke")));
        int alone = LongScenariosFirst.score(Set.of(TestTag.create("benchmark"), TestTag.create("long")));
        assertThat(minutes).isGreaterThan(longer);
        assertThat(longer).isGreaterThan(other);
        assertThat(other).isGreaterThan(alone);
        assertThat(alone).as("a scenario that runs alone starts last, long or not").isZero();
    }
}
