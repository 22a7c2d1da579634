package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongScenariosFirstTest {

    @Test
    void theLongerARecordedTimeTheEarlierAndTheOnesThatRunAloneFirst() {
        assertThat(LongScenariosFirst.seconds(false, 412.3)).isGreaterThan(LongScenariosFirst.seconds(false, 58.6));
        assertThat(LongScenariosFirst.seconds(false, 0.2)).as("every scenario scores at least 1").isEqualTo(1);
        assertThat(LongScenariosFirst.seconds(true, 3)).as("a scenario that runs alone starts first, short or not")
                .isGreaterThan(LongScenariosFirst.score(5000, 600, 3));
    }

    @Test
    void aFeatureWithOneLongScenarioStartsBeforeOneOfManyShortOnesThatTheClustersShare() {
        int oneLong = LongScenariosFirst.score(74, 74, 3); // the cluster-repair feature: one scenario of 74 s
        int manyShort = LongScenariosFirst.score(150, 24, 3); // the schema changes: 15 scenarios, 150 s in all
        assertThat(oneLong).isGreaterThan(manyShort);
        assertThat(LongScenariosFirst.score(520, 226, 3)).as("the most work, and the longest scenario, first").isGreaterThan(oneLong);
        assertThat(LongScenariosFirst.score(300, 10, 3)).as("many short ones with more work than one long one can take on every cluster")
                .isGreaterThan(LongScenariosFirst.score(90, 90, 3));
    }

    @Test
    void aHeavyScenarioCountsItsSecondsForEachOfItsPlaces() {
        assertThat(LongScenariosFirst.placeSeconds(20, true, 2)).isEqualTo(40);
        assertThat(LongScenariosFirst.placeSeconds(20, false, 2)).isEqualTo(20);
    }

    @Test
    void withOneClusterTheWorkAlone() {
        assertThat(LongScenariosFirst.score(150, 24, 1)).isEqualTo(150);
    }
}
