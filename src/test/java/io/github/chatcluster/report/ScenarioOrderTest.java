package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScenarioOrderTest {

    @AfterEach
    void clear() {
        System.clearProperty(ScenarioOrder.ORDER);
        System.clearProperty(ScenarioOrder.SEED);
    }

    @Test
    void randomByDefaultWithASeedThatRepeatsTheRun() {
        assertThat(ScenarioOrder.isRandom()).as("the default of junit-platform.properties").isTrue();
        new ScenarioOrder().launcherSessionOpened(null);
        String seed = ScenarioOrder.seed();
        assertThat(seed).matches("[0-9]+");
        assertThat(ScenarioOrder.describe()).isEqualTo("Scenario order: random, seed " + seed
                + " (repeat this order with -Dcucumber.execution.order.random.seed=" + seed + ")");
    }

    @Test
    void aGivenSeedIsKept() {
        System.setProperty(ScenarioOrder.SEED, "4242");
        new ScenarioOrder().launcherSessionOpened(null);
        assertThat(ScenarioOrder.seed()).isEqualTo("4242");
    }

    @Test
    void fileOrderOnRequest() {
        System.setProperty(ScenarioOrder.ORDER, "lexical");
        new ScenarioOrder().launcherSessionOpened(null);
        assertThat(ScenarioOrder.describe()).isEqualTo("Scenario order: lexical");
        assertThat(ScenarioOrder.seed()).isNull();
    }
}
