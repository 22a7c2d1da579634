package io.github.chatcluster.report;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cluster each scenario ran on, and how long it waited for its place on the machine (when it did), by the
 * scenario's id, for the console's line of that scenario.
 */
public final class ScenarioPlaces {

    private static final Map<String, String> CLUSTER_OF = new ConcurrentHashMap<>();
    private static final Map<String, java.time.Duration> WAITED = new ConcurrentHashMap<>();
    private static final Map<String, String> MACHINE = new ConcurrentHashMap<>();

    private ScenarioPlaces() {
    }

    public static void ranOn(String scenarioId, String cluster) {
        CLUSTER_OF.put(scenarioId, cluster);
    }

    /** The scenario waited this long before it could start (a wait under a second is not shown). */
    public static void waited(String scenarioId, java.time.Duration waited) {
        if (waited.toMillis() >= 1000) {
            WAITED.put(scenarioId, waited);
        }
    }

    /** How long the scenario waited for its place on the machine (zero when under a second), without forgetting it. */
    static java.time.Duration waitedOf(String scenarioId) {
        return WAITED.getOrDefault(scenarioId, java.time.Duration.ZERO);
    }

    /** What the machine did while a failed scenario ran, and what ran beside it: printed under its error. */
    public static void machineWhenItFailed(String scenarioId, String description) {
        MACHINE.put(scenarioId, description);
    }

    /** The machine's description of a failed scenario, once. */
    static Optional<String> takeMachine(String scenarioId) {
        return Optional.ofNullable(MACHINE.remove(scenarioId));
    }

    /**
     * The cluster the scenario ran on and its wait, once ("cluster-2", "cluster-2, 12.3 s of it waiting for the
     * machine"); empty when it got no cluster and did not wait.
     */
    static Optional<String> take(String scenarioId) {
        String cluster = CLUSTER_OF.remove(scenarioId);
        java.time.Duration waited = WAITED.remove(scenarioId);
        String wait = waited == null ? null
                : String.format(java.util.Locale.ROOT, "%.1f s of it waiting for the machine", waited.toMillis() / 1000.0);
        if (cluster == null) {
            return Optional.ofNullable(wait);
        }
        return Optional.of(wait == null ? cluster : cluster + ", " + wait);
    }
}
