package io.github.chatcluster.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import io.github.chatcluster.cluster.Endpoint;


/**
 * Many users who try to join one room at the same moment, each through its own connection to an entry point, and who
 * each then try to send a message. The users are released together from a barrier after their connections are open,
 * so their joins really overlap; each join and message is retried under the suite's {@link RetryPolicy} when the
 * database refuses it for a passing reason (a deadlock between the two copies of the room's shard, for example), but
 * not when the application refuses it.
 */
public final class RoomRush {

    /** What one user achieved, and when its attempt ran. */
    public record Attempt(long userId, String entry, boolean joined, String joinRefusal, boolean sent, String sendRefusal,
                          Instant start, Instant end) {
        @Override
        public String toString() {
            return "user " + userId + " through " + entry + ": " + (joined ? "joined" : "join refused (" + joinRefusal + ")")
                    + ", " + (sent ? "message stored" : "message refused (" + sendRefusal + ")") + ", "
                    + Duration.between(start, end).toMillis() + " ms";
        }
    }

    private RoomRush() {
    }

    /** Each user joins through the entry point at the same index, then sends one message; returns every attempt. */
    public static List<Attempt> join(long roomId, List<Long> users, List<Endpoint> entries, AckLog acks) {
        RetryPolicy policy = RetryPolicy.within(Duration.ofSeconds(10));
        List<ChatApplication> sessions = new ArrayList<>();
        try {
            List<Callable<Attempt>> clients = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                long user = users.get(i);
                ChatApplication app = policy.session(entries.get(i));
                sessions.add(app);
                app.roomExists(roomId); // opens the connection before the start
                String entry = entries.get(i).name();
                clients.add(() -> attempt(app, policy, roomId, user, entry, acks));
            }
            return Clients.atOnce(clients, "a user trying to join the room failed");
        } finally {
            sessions.forEach(ChatApplication::close);
        }
    }

    private static Attempt attempt(ChatApplication app, RetryPolicy policy, long roomId, long user, String entry, AckLog acks) {
        Instant start = Instant.now();
        boolean joined = false;
        String joinRefusal = null;
        try {
            policy.write(() -> app.join(roomId, user), acks.tally());
            joined = true;
            acks.member(roomId, user);
        } catch (ChatApplication.Refused e) {
            joinRefusal = e.getMessage();
        }
        boolean sent = false;
        String sendRefusal = null;
        UUID id = UUID.randomUUID();
        try {
            policy.write(() -> app.send(roomId, user, "hello from user " + user, id).wasAlreadyStored(), acks.tally());
            sent = true;
            acks.message(roomId, id);
        } catch (ChatApplication.Refused e) {
            sendRefusal = e.getMessage();
        }
        return new Attempt(user, entry, joined, joinRefusal, sent, sendRefusal, start, Instant.now());
    }

    /** How long every attempt ran at the same time: from the last start to the first end (negative: no overlap). */
    public static Duration overlap(List<Attempt> attempts) {
        Instant lastStart = attempts.stream().map(Attempt::start).max(Instant::compareTo).orElseThrow();
        Instant firstEnd = attempts.stream().map(Attempt::end).min(Instant::compareTo).orElseThrow();
        return Duration.between(lastStart, firstEnd);
    }
}
