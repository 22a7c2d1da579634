package io.github.chatcluster.app;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import io.github.chatcluster.cluster.Endpoint;


/**
 * A chat client that writes rooms, members and messages through one entry point and records every
 * acknowledged write. It retries under its {@link RetryPolicy}: a write with an unknown outcome (the
 * connection was lost, or the coordinator died, during COMMIT) is written again with the same client-made ids, and the database's
 * unique keys make a write that had happened a no-op.
 */
public class ChatWriter {

    private final AckLog acks;
    private final RetryPolicy policy;
    private final ChatApplication app;
    private final OutcomeTally tally;
    private final String endpoint;

    /** A client with its own connection to the entry point (opened again when it breaks). */
    public ChatWriter(Endpoint endpoint, AckLog acks, Duration retryWindow) {
        this(endpoint, acks, retryWindow, acks.tally());
    }

    /** As above, its outcomes counted in a tally of its own (a {@link OutcomeTally#part() part} of the scenario's). */
    public ChatWriter(Endpoint endpoint, AckLog acks, Duration retryWindow, OutcomeTally tally) {
        this.acks = acks;
        this.endpoint = endpoint.toString();
        this.policy = RetryPolicy.within(retryWindow);
        this.app = policy.session(endpoint);
        this.tally = tally;
    }

    /** Closes the client's connection. */
    public void close() {
        app.close();
    }

    /** A client that does not retry: any failure propagates. */
    public static ChatWriter withoutRetries(Endpoint endpoint, AckLog acks) {
        return new ChatWriter(endpoint, acks, Duration.ZERO);
    }

    public static long newRoomId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    /**
     * Rooms with their two members and messages, written by several clients at once (each without retries, on its
     * own connection through the entry point); returns the room ids, those of the first client first.
     */
    public static List<Long> writeRooms(Endpoint entry, AckLog acks, int count, int messages, int clients) {
        List<java.util.concurrent.Callable<List<Long>>> writers = new java.util.ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = count / clients + (c < count % clients ? 1 : 0);
            writers.add(() -> {
                ChatWriter writer = withoutRetries(entry, acks);
                try {
                    List<Long> rooms = new java.util.ArrayList<>();
                    for (int i = 0; i < share; i++) {
                        rooms.add(writer.writeRoom(messages));
                    }
                    return rooms;
                } finally {
                    writer.close();
                }
            });
        }
        return Clients.atOnce(writers, "a client writing rooms failed").stream().flatMap(List::stream).toList();
    }

    /** A room with its two members and some messages. */
    public long writeRoom(int messages) {
        long roomId = newRoomId();
        long first = roomId % 1_000_000_000L;
        policy.write(() -> app.createRoom(roomId, "room " + roomId), tally);
        acks.room(roomId);
        for (long user : new long[] {first, first + 1}) {
            policy.write(() -> app.join(roomId, user), tally);
            acks.member(roomId, user);
        }
        for (int i = 0; i < messages; i++) {
            sendMessage(roomId, first + i % 2, "message " + i);
        }
        return roomId;
    }

    public UUID sendMessage(long roomId, long sender, String body) {
        UUID clientId = UUID.randomUUID();
        try {
            policy.write(() -> app.send(roomId, sender, body, clientId).wasAlreadyStored(), tally);
        } catch (RetryPolicy.InDoubt e) {
            acks.inDoubt().add(new InDoubtWrites.Message(roomId, sender, body, clientId));
            throw e;
        } catch (ChatDatabaseException e) {
            acks.refusedMessage(roomId, clientId);
            throw e;
        }
        acks.message(roomId, clientId);
        acks.acknowledgedThrough(clientId, endpoint);
        return clientId;
    }
}
