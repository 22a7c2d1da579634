package io.github.chatcluster.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The order of the scenarios. The default (src/test/resources/junit-platform.properties) is random, so that a
 * scenario that depends on the one before it is found. Cucumber draws a seed of its own when none is given,
 * but does not print it; this listener draws it first, before Cucumber discovers the scenarios, so that every
 * run prints the seed that repeats it: {@code -Dcucumber.execution.order.random.seed=<seed>}.
 */
public final class ScenarioOrder implements LauncherSessionListener {

    public static final String ORDER = "cucumber.execution.order";
    public static final String SEED = "cucumber.execution.order.random.seed";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (isRandom() && System.getProperty(SEED, "").isBlank()) {
            System.setProperty(SEED, String.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000)));
        }
    }

    /** The order's name as Cucumber reads it: a -D system property first, then junit-platform.properties. */
    public static String order() {
        String order = System.getProperty(ORDER);
        if (order == null) {
            order = platformProperties().getProperty(ORDER, "lexical");
        }
        return order.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isRandom() {
        return "random".equals(order());
    }

    /** The seed of this run, or null when the order is not random. */
    public static String seed() {
        return isRandom() ? System.getProperty(SEED) : null;
    }

    /** One line for the console and summary.txt. */
    public static String describe() {
        if (!isRandom()) {
            return "Scenario order: " + order();
        }
        return "Scenario order: random, seed " + seed() + " (repeat this order with -D" + SEED + "=" + seed() + ")";
    }

    private static Properties platformProperties() {
        Properties properties = new Properties();
        try (InputStream in = ScenarioOrder.class.getResourceAsStream("/junit-platform.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
