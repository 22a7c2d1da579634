package io.github.chatcluster.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature whose steps hold a time bound ("within 20 seconds", "more than 10 seconds without a success") says in its
 * description which kind each bound is: a bound on the cluster, measured while the scenario holds its share of the
 * machine, or a harness wait that goes on while progress is seen (a paragraph that begins "Time bounds").
 */
class FeaturesStateTheirBoundsTest {

    private static final Pattern BOUND = Pattern.compile(
            "^\\s*(Given|When|Then|And|But)\\b.*\\b(within|more than|longer than|at most|for up to) \\d+ (seconds|s)\\b", Pattern.MULTILINE);

    @Test
    void everyFeatureWithATimeBoundSaysWhichKindItIs() {
        List<String> silent = new ArrayList<>();
        int withBounds = 0;
        try (Stream<Path> features = Files.list(Path.of("features"))) {
            for (Path f : features.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                String text = Files.readString(f);
                if (BOUND.matcher(text).find()) {
                    withBounds++;
                    String description = text.substring(0, Math.max(0, text.indexOf("\n  Background:") < 0
                            ? text.indexOf("\n  Scenario") : text.indexOf("\n  Background:")));
                    if (!description.contains("\n  Time bounds")) {
                        silent.add(f.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(withBounds).as("features with time bounds").isGreaterThan(3);
        assertThat(silent).as("features with time bounds and no \"Time bounds\" paragraph saying which kind each is").isEmpty();
    }
}
