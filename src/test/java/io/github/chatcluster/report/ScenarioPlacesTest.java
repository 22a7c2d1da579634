package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScenarioPlacesTest {

    @Test
    void theConsoleLineNamesTheClusterAndAWaitOfASecondOrMore() {
        ScenarioPlaces.ranOn("a", "cluster-2");
        ScenarioPlaces.waited("a", Duration.ofMillis(12_340));
        ScenarioPlaces.ranOn("b", "cluster-1");
        ScenarioPlaces.waited("b", Duration.ofMillis(400));
        ScenarioPlaces.waited("c", Duration.ofSeconds(3));
        assertThat(ScenarioPlaces.take("a")).contains("cluster-2, 12.3 s of it waiting for the machine");
        assertThat(ScenarioPlaces.take("b")).contains("cluster-1");
        assertThat(ScenarioPlaces.take("c")).contains("3.0 s of it waiting for the machine");
        assertThat(ScenarioPlaces.take("a")).as("once").isEmpty();
    }
}
