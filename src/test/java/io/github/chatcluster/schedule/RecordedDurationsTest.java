package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RecordedDurationsTest {

    @Test
    void whatIsFormattedIsReadBack() {
        Map<String, Double> d = new TreeMap<>(Map.of("isolation.feature: a scenario, with a comma", 58.6, "smoke.feature: b", 3.0));
        assertThat(RecordedDurations.parse(RecordedDurations.format(d))).isEqualTo(d);
    }

    @Test
    void aLineWithoutATabIsRefusedWithWhatALineIs() {
        assertThatThrownBy(() -> RecordedDurations.parse("58.6 isolation.feature: a")).hasMessageContaining("seconds, a tab");
    }

    @Test
    void theKeyIsTheFeatureFileAndTheScenarioName() {
        assertThat(RecordedDurations.key("isolation.feature", "a")).isEqualTo("isolation.feature: a");
    }

    @Test
    void aFeatureIsNamedByItsFileWhereverItIs() {
        assertThat(RecordedDurations.key(java.net.URI.create("file:///work/main/features/isolation.feature"), "a")).isEqualTo("isolation.feature: a");
        assertThat(RecordedDurations.key(java.net.URI.create("classpath:features/isolation.feature"), "a")).isEqualTo("isolation.feature: a");
    }
}
