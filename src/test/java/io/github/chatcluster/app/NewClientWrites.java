package io.github.chatcluster.app;

import io.github.chatcluster.cluster.Text;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.github.chatcluster.cluster.Endpoint;


/**
 * New clients that each connect through one entry point and send one message, all at the same time: where each
 * landed, whether its message was acknowledged, and if not, the error it got and after how long.
 */
public final class NewClientWrites {

    /** One client's outcome; {@code landedOn} is null when it got no connection at all. */
    public record Outcome(String landedOn, long roomId, UUID clientId, boolean acknowledged, String error, Duration took) {
        @Override
        public String toString() {
            return (landedOn == null ? "no connection" : "on " + landedOn) + ": "
                    + (acknowledged ? "acknowledged" : "refused (" + error + ")") + String.format(java.util.Locale.ROOT, " after %.1f s", took.toMillis() / 1000.0);
        }
    }

    private final List<Outcome> outcomes;

    private NewClientWrites(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public List<Outcome> landedOn(String node) {
        return outcomes.stream().filter(o -> node.equals(o.landedOn())).toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < outcomes.size(); i++) {
            text.append("\n  client ").append(i + 1).append(": ").append(outcomes.get(i));
        }
        return text.toString();
    }

    /**
     * Each client connects (one attempt, the given timeouts) and sends a message to the room of the same index,
     * as one of its members; the clients wait for each other at a barrier before they connect. Stored messages
     * are recorded in the log.
     */
    public static NewClientWrites sendAtOnce(Endpoint entry, List<Long> rooms, AckLog acks, Duration timeout) {
        List<java.util.concurrent.Callable<Outcome>> clients = new ArrayList<>();
        for (long room : rooms) {
            long sender = acks.membersOf(room).get(0);
            clients.add(() -> sendOne(entry, room, sender, acks, timeout));
        }
        return new NewClientWrites(Clients.atOnce(clients, "a client failed unexpectedly"));
    }

    private static Outcome sendOne(Endpoint entry, long room, long sender, AckLog acks, Duration timeout) {
        Instant start = Instant.now();
        String landed = null;
        UUID id = UUID.randomUUID();
        try (Connection c = entry.connectOnce(timeout, timeout)) {
            landed = Endpoint.localNodeName(c);
            ChatApplication.insertMessage(c, room, id, sender, "new client");
            acks.message(room, id);
            return new Outcome(landed, room, id, true, null, Duration.between(start, Instant.now()));
        } catch (SQLException e) {
            return new Outcome(landed, room, id, false, e.getSQLState() + " " + Text.firstLine(e.getMessage()),
                    Duration.between(start, Instant.now()));
        }
    }
}
