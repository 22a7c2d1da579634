package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.github.chatcluster.app.PooledClient;
import io.github.chatcluster.catalog.DataPlacement;

/** What the network steps share: the rooms with a copy on a worker, and a bound on an outcome's time. */
final class NetworkChecks {

    private NetworkChecks() {
    }

    static List<DataPlacement.RoomPlacement> roomsWithACopyOn(ScenarioContext context, String worker, boolean withCopy) {
        List<DataPlacement.RoomPlacement> rooms = new DataPlacement(context.cluster()).roomPlacements(context.rooms()).stream()
                .filter(r -> r.nodesByTable().get("rooms").contains(worker) == withCopy).toList();
        assertThat(rooms).as("rooms %s a copy on %s", withCopy ? "with" : "without", worker).isNotEmpty();
        return rooms;
    }

    /** Fails when the outcome took longer than the bound, naming the fault. */
    static void assertWithin(ScenarioContext context, PooledClient.Outcome outcome, int seconds, String what) {
        if (outcome.took().compareTo(Duration.ofSeconds(seconds)) > 0) {
            throw new AssertionError(String.format(Locale.ROOT, "%s took %.1f s after %s, more than the %d s allowed: %s", what,
                    outcome.took().toMillis() / 1000.0, context.timeline().fault(), seconds, outcome));
        }
    }
}
