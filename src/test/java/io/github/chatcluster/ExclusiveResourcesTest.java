package io.github.chatcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every feature takes the shared lock that keeps it from running beside a @benchmark scenario (junit-platform.properties). */
class ExclusiveResourcesTest {

    private static final String PREFIX = "cucumber.execution.exclusive-resources.";

    @Test
    void everyFeatureCarriesATagThatTakesTheMachinesSharedLock() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
            properties.load(in);
        }
        Set<String> readTags = properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith(PREFIX) && k.endsWith(".read"))
                .map(k -> "@" + k.substring(PREFIX.length(), k.length() - ".read".length())).collect(Collectors.toSet());
        assertThat(properties.getProperty(PREFIX + "benchmark.read-write")).as("the lock of the @benchmark scenarios").isNotBlank();
        List<Path> features;
        try (var files = Files.list(Path.of(System.getProperty("basedir", "."), "features"))) {
            features = files.filter(f -> f.toString().endsWith(".feature")).sorted().toList();
        }
        assertThat(features).isNotEmpty();
        for (Path feature : features) {
            String featureTags = Files.readAllLines(feature).stream().takeWhile(l -> !l.startsWith("Feature:"))
                    .filter(l -> l.strip().startsWith("@")).collect(Collectors.joining(" "));
            assertThat(List.of(featureTags.split("\\s+"))).as("the tags of %s", feature.getFileName()).containsAnyElementsOf(readTags);
        }
    }
}
