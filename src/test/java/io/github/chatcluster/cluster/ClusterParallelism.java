package io.github.chatcluster.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import io.github.chatcluster.cluster.external.ExternalClusterConfig;

/**
 * How many clusters the run starts, and so how many scenarios run at once: {@code -Dcluster.parallel=N} or
 * {@code CLUSTER_PARALLEL}; by default chosen from the machine: one more than its cores (a scenario mostly waits:
 * for timeouts, for nginx, for a node to stop), at most one per {@link #GIB_PER_CLUSTER} GiB of the memory available
 * beyond {@link #GIB_FOR_THE_REST} GiB, and at most {@link #AT_MOST}. An external cluster is one cluster: 1.
 *
 * <p>Before Cucumber discovers the scenarios, this listener sets Cucumber's parallel execution to that many threads
 * (unless the run sets {@code cucumber.execution.parallel.enabled} itself). The scenarios that measure the machine
 * run alone ({@link io.github.chatcluster.schedule.MachineGate}), and the long ones start first
 * ({@link io.github.chatcluster.schedule.LongScenariosFirst}).
 */
public final class ClusterParallelism implements LauncherSessionListener {

    public static final String PROPERTY = "cluster.parallel";
    public static final String VARIABLE = "CLUSTER_PARALLEL";
    static final double GIB_PER_CLUSTER = 1.5;
    static final double GIB_FOR_THE_REST = 2.0;
    static final int AT_MOST = 4;
    private static final String PARALLEL = "cucumber.execution.parallel.enabled";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        int clusters = clusters();
        if (clusters > 1 && System.getProperty(PARALLEL) == null) {
            System.setProperty(PARALLEL, "true");
            System.setProperty("cucumber.execution.parallel.config.strategy", "fixed");
            System.setProperty("cucumber.execution.parallel.config.fixed.parallelism", String.valueOf(clusters));
            System.setProperty("cucumber.execution.parallel.config.fixed.max-pool-size", String.valueOf(clusters));
        }
    }

    /** The number of clusters of this run. */
    public static int clusters() {
        if (!"embedded".equalsIgnoreCase(System.getProperty(ExternalClusterConfig.MODE_PROPERTY, "embedded"))) {
            return 1;
        }
        return given().orElseGet(() -> byTheMachine(Runtime.getRuntime().availableProcessors(), availableGib()));
    }

    /** One line for the console and summary.txt. */
    public static String describe() {
        int clusters = clusters();
        String why = given().isPresent() ? "given with -D" + PROPERTY + " or " + VARIABLE
                : !"embedded".equalsIgnoreCase(System.getProperty(ExternalClusterConfig.MODE_PROPERTY, "embedded"))
                        ? "an external cluster"
                        : String.format(Locale.ROOT, "chosen from the machine: %d cores, %.1f GiB available (-D%s=N to choose)",
                                Runtime.getRuntime().availableProcessors(), availableGib(), PROPERTY);
        return "Clusters: " + clusters + (clusters == 1 ? ", scenarios one after another" : ", scenarios " + clusters + " at a time")
                + " (" + why + ")";
    }

    /** The default: cores + 1, one cluster per 1.5 GiB beyond 2 GiB, at most 4, at least 1. */
    static int byTheMachine(int cores, double availableGib) {
        int byMemory = (int) Math.floor((availableGib - GIB_FOR_THE_REST) / GIB_PER_CLUSTER);
        return Math.max(1, Math.min(AT_MOST, Math.min(cores + 1, byMemory)));
    }

    private static Optional<Integer> given() {
        String value = System.getProperty(PROPERTY, System.getenv().getOrDefault(VARIABLE, "")).strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + PROPERTY + " (or " + VARIABLE + ") must be a whole number of clusters, 1 or more: \"" + value + "\"");
    }

    /** MemAvailable of /proc/meminfo (Linux), else what the JVM can see of the machine's free memory. */
    private static double availableGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: below
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getFreeMemorySize() / 1024.0 / 1024.0 / 1024.0;
        }
        return GIB_FOR_THE_REST + GIB_PER_CLUSTER; // one cluster
    }
}
