package io.github.chatcluster.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each scenario took, as the suite recorded it: the expected times that order a run (the long ones first)
 * and split it into shards. The suite keeps them in {@code src/test/resources/scenario-durations.tsv} (seconds, a
 * tab, "feature file: scenario name"); every run writes what it measured to {@code durations.tsv} beside its
 * reports, and {@code -Dsuite.durations.update=true} merges that into the kept file (commit it). A scenario with no
 * recorded time is expected to take {@link #DEFAULT_SECONDS}.
 */
public final class RecordedDurations {

    public static final String UPDATE = "suite.durations.update";
    public static final double DEFAULT_SECONDS = 60;
    static final Path KEPT = Path.of(System.getProperty("basedir", "."), "src/test/resources/scenario-durations.tsv");

    private static final Map<String, Double> MEASURED = new ConcurrentHashMap<>();
    private static volatile Map<String, Double> kept;

    private RecordedDurations() {
    }

    /** A scenario's key: its feature file's name and its name, as the console prints them. */
    public static String key(String featureFile, String scenario) {
        return featureFile + ": " + scenario;
    }

    /** The key of a scenario of the feature file at {@code featureUri} (file: or classpath:). */
    public static String key(java.net.URI featureUri, String scenario) {
        return key(featureFile(featureUri), scenario);
    }

    /** The feature file's name, as the console prints it. */
    public static String featureFile(java.net.URI featureUri) {
        String uri = featureUri.toString();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The recorded time of the scenario, if any. */
    public static java.util.Optional<java.time.Duration> expectedDuration(String key) {
        OptionalDouble seconds = expected(key);
        return seconds.isPresent() ? java.util.Optional.of(java.time.Duration.ofMillis(Math.round(seconds.getAsDouble() * 1000)))
                : java.util.Optional.empty();
    }

    /** The recorded seconds of the scenario, if any. */
    public static OptionalDouble expected(String key) {
        Double seconds = kept().get(key);
        return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds);
    }

    private static Map<String, Double> kept() {
        if (kept == null) {
            kept = read(KEPT);
        }
        return kept;
    }

    /** What this run measured for one scenario (the console's seconds). */
    public static void measured(String key, double seconds) {
        MEASURED.put(key, seconds);
    }

    /** Writes this run's measurements into the directory; with -Dsuite.durations.update=true, merges them into the kept file. */
    public static void writeMeasured(Path directory) {
        if (MEASURED.isEmpty()) {
            return;
        }
        write(directory.resolve("durations.tsv"), new TreeMap<>(MEASURED));
        if (Boolean.getBoolean(UPDATE)) {
            Map<String, Double> merged = new TreeMap<>(read(KEPT));
            merged.putAll(MEASURED);
            write(KEPT, merged);
            System.out.println("Recorded durations: " + MEASURED.size() + " scenarios' times merged into " + KEPT + " (commit it)");
        }
    }

    /** Parses "seconds, a tab, key" lines; '#' starts a comment. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> durations = new TreeMap<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("a line of " + KEPT.getFileName() + " is seconds, a tab, then the scenario: \"" + line + "\"");
            }
            durations.put(line.substring(tab + 1).strip(), Double.parseDouble(line.substring(0, tab).strip()));
        });
        return durations;
    }

    static String format(Map<String, Double> durations) {
        StringBuilder s = new StringBuilder("# Seconds each scenario took when the suite last recorded it (-D" + UPDATE + "=true), then\n"
                + "# \"feature file: scenario\". Read to run the long scenarios first and to split a run into shards.\n");
        durations.forEach((key, seconds) -> s.append(String.format(Locale.ROOT, "%.1f\t%s%n", seconds, key)));
        return s.toString();
    }

    private static Map<String, Double> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static void write(Path file, Map<String, Double> durations) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, format(durations), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
