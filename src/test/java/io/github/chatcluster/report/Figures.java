package io.github.chatcluster.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a run measured (times, throughput, the demo's claims held or not), kept in
 * target/cucumber-reports/figures.properties beside the HTML report.
 */
public final class Figures {

    private static final Path FILE = Path.of(System.getProperty("basedir", "."), "target/cucumber-reports/figures.properties");
    private static final Map<String, String> FIGURES = new TreeMap<>();

    private Figures() {
    }

    public static synchronized void record(String key, String value) {
        FIGURES.put(key, value);
        StringBuilder text = new StringBuilder("# Figures measured by the last run of the acceptance suite\n");
        FIGURES.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
