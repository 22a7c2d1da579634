package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScenarioOrderTest {

    /** What the command line set (Surefire passes -D options on to the tests): cleared for each test, then restored. */
    private String order;
    private String seed;

    @BeforeEach
    void clear() {
        order = System.clearProperty(ScenarioOrder.ORDER);
        seed = System.clearProperty(ScenarioOrder.SEED);
    }

    @AfterEach
    void restore() {
        System.clearProperty(ScenarioOrder.ORDER);
        System.clearProperty(ScenarioOrder.SEED);
        if (order != null) {
            System.setProperty(ScenarioOrder.ORDER, order);
        }
        if (seed != null) {
            System.setProperty(ScenarioOrder.SEED, seed);
        }
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
