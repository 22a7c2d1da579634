package io.github.chatcluster.report;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which cluster each scenario ran on, by the scenario's id, for the console's line of that scenario. */
public final class ScenarioPlaces {

    private static final Map<String, String> CLUSTER_OF = new ConcurrentHashMap<>();

    private ScenarioPlaces() {
    }

    public static void ranOn(String scenarioId, String cluster) {
        CLUSTER_OF.put(scenarioId, cluster);
    }

    /** The cluster the scenario ran on, once; empty when it got none (its cluster did not start). */
    static Optional<String> take(String scenarioId) {
        return Optional.ofNullable(CLUSTER_OF.remove(scenarioId));
    }
}
