package io.github.chatcluster.app;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.chatcluster.cluster.Endpoint;

/** The messages whose outcome a client could not learn within its retry window, until they are resolved. Thread-safe. */
public final class InDoubtWrites {

    /** A message whose outcome a client could not learn within its retry window. */
    public record Message(long roomId, long senderId, String body, UUID clientId) {
    }

    /** What resolving found: how many were written again, and how many of those had been stored already. */
    public record Resolution(int resolved, int hadBeenStored) {
        @Override
        public String toString() {
            return resolved == 0 ? "no write was left in doubt"
                    : resolved + " writes were in doubt and were written again with the same id: " + hadBeenStored
                            + " of them had been stored already";
        }
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();

    public void add(Message message) {
        messages.add(message);
    }

    public int size() {
        return messages.size();
    }

    /**
     * Resolves every message still in doubt through the endpoint: the client writes it again with the same
     * client-made id ({@link RetryPolicy}, within the given window). A resolved message is registered in the log as
     * resolved, apart from the acknowledged ones.
     */
    public Resolution resolve(Endpoint endpoint, Duration within, AckLog acks) {
        int resolved = 0;
        int wereStored = 0;
        RetryPolicy policy = RetryPolicy.within(within);
        try (ChatApplication app = policy.session(endpoint)) {
            for (Message m : List.copyOf(messages)) {
                boolean stored = policy.write(() -> app.send(m.roomId(), m.senderId(), m.body(), m.clientId()).wasAlreadyStored(), acks.tally());
                acks.tally().unknownResolved(stored);
                acks.resolved(m.roomId(), m.clientId());
                messages.remove(m);
                resolved++;
                if (stored) {
                    wereStored++;
                }
            }
        }
        return new Resolution(resolved, wereStored);
    }
}
