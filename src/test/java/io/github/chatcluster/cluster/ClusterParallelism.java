package io.github.chatcluster.cluster;

import java.time.Duration;
import java.util.Optional;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import io.github.chatcluster.cluster.embedded.Images;
import io.github.chatcluster.cluster.embedded.SingleNodeStart;
import io.github.chatcluster.machine.Calibration;
import io.github.chatcluster.machine.MachineCapacity;

/**
 * How many scenarios run at once, and so how many clusters the run starts (one more when more than one: {@link
 * #clusters()}): {@code -Dcluster.parallel=N} or {@code CLUSTER_PARALLEL}; by default what the machine's calibration
 * allows ({@link MachineCapacity}: the idle cores, how fast one Citus node starts, the memory). An external cluster is
 * one cluster: 1.
 *
 * <p>The calibration runs once, when Cucumber's scenarios have been discovered ({@link #configure}, called by
 * {@link io.github.chatcluster.schedule.LongScenariosFirst}), so that a run without scenarios (the unit tests) never
 * starts a container; it then sets Cucumber's parallel execution to that many threads (unless the run sets
 * {@code cucumber.execution.parallel.enabled} itself). The scenarios that measure the machine run alone, and heavy
 * ones take more of it ({@link io.github.chatcluster.schedule.MachineGate}).
 */
public final class ClusterParallelism implements LauncherSessionListener {

    public static final String PROPERTY = "cluster.parallel";
    public static final String VARIABLE = "CLUSTER_PARALLEL";
    private static final String PARALLEL = "cucumber.execution.parallel.enabled";
    private static volatile MachineCapacity capacity;
    private static volatile Calibration calibration;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        given(); // a bad -Dcluster.parallel is reported before anything starts
    }

    /** Decides the run's capacity (calibrating the machine if nothing else decides it) and sets Cucumber's threads. */
    public static synchronized void configure() {
        int clusters = clusters();
        if (clusters > 1 && System.getProperty(PARALLEL) == null) {
            System.setProperty(PARALLEL, "true");
            System.setProperty("cucumber.execution.parallel.config.strategy", "fixed");
            System.setProperty("cucumber.execution.parallel.config.fixed.parallelism", String.valueOf(clusters));
            System.setProperty("cucumber.execution.parallel.config.fixed.max-pool-size", String.valueOf(clusters));
        }
    }

    /**
     * The number of clusters, and of threads, of this run: one for each place on the machine and, when scenarios run
     * side by side, one more. A scenario that is quiet lends all its places and keeps its cluster (the pooled
     * applications' two quiet minutes), so the scenarios that run on its places need one cluster more; the last one is
     * started only when one of them needs it ({@link ClusterHolder#borrow()}). With a place held idle instead, a run
     * lost about 40 s of its three places (R27, 6 Dec 2026).
     */
    public static int clusters() {
        return clustersFor(capacity().scenariosAtOnce());
    }

    static int clustersFor(int places) {
        return places > 1 ? places + 1 : 1;
    }

    /** What the run may put on the machine at once: its clusters, and the places a heavy scenario takes. */
    public static synchronized MachineCapacity capacity() {
        if (capacity == null) {
            Optional<Integer> given = given();
            if (!"embedded".equalsIgnoreCase(System.getProperty(io.github.chatcluster.cluster.external.ExternalClusterConfig.MODE_PROPERTY, "embedded"))) {
                capacity = MachineCapacity.given(1, "an external cluster");
            } else if (given.isPresent()) {
                capacity = MachineCapacity.given(given.get(), "given with -D" + PROPERTY + " or " + VARIABLE);
            } else {
                calibration = Calibration.measure(ClusterParallelism::oneNodeStart);
                capacity = calibration.capacity();
            }
        }
        return capacity;
    }

    /** The calibration of this run, when the machine was calibrated (not when the number of clusters was given). */
    public static Optional<Calibration> calibration() {
        capacity();
        return Optional.ofNullable(calibration);
    }

    private static Duration oneNodeStart() {
        var image = Images.citus();
        if (!Images.isAvailable(image)) {
            throw new IllegalStateException("the image " + image + " is not here");
        }
        return SingleNodeStart.measure(image).duration();
    }

    /** One line for the console and summary.txt. */
    public static String describe() {
        MachineCapacity c = capacity();
        int places = c.scenariosAtOnce();
        return "Clusters: " + (places == 1 ? "1, scenarios one after another" : "up to " + clusters() + ", scenarios " + places + " at a time")
                + " (" + (calibration == null ? c.why() : "from the machine's calibration; -D" + PROPERTY + "=N to choose") + ")";
    }

    static Optional<Integer> given() {
        return parse(System.getProperty(PROPERTY, System.getenv().getOrDefault(VARIABLE, "")));
    }

    static Optional<Integer> parse(String raw) {
        String value = raw.strip();
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
        throw new IllegalArgumentException("-D" + PROPERTY + " (or " + VARIABLE + ") must be a whole number of scenarios at once, 1 or more: \"" + value + "\"");
    }
}
