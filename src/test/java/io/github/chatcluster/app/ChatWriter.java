package io.github.chatcluster.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import io.github.chatcluster.cluster.Endpoint;

/**
 * A chat client that writes rooms, members and messages through one entry point and records every
 * acknowledged write. With a retry window, a write that fails (its outcome unknown: the connection
 * broke, the coordinator died) is resolved the way a careful client does: reconnect, read it back,
 * and write it again with the same client-made id when it is not there.
 */
public class ChatWriter {

    private final Endpoint endpoint;
    private final AckLog acks;
    private final Duration retryWindow;
    private final ChatApplication app;

    /** A client with its own connection to the entry point (opened again when it breaks). */
    public ChatWriter(Endpoint endpoint, AckLog acks, Duration retryWindow) {
        this.endpoint = endpoint;
        this.acks = acks;
        this.retryWindow = retryWindow;
        this.app = ChatApplication.session(endpoint);
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

    /** A room with its two members and some messages. */
    public long writeRoom(int messages) {
        long roomId = newRoomId();
        long first = roomId % 1_000_000_000L;
        write(app -> app.createRoom(roomId, "room " + roomId), app -> app.roomExists(roomId));
        acks.room(roomId);
        for (long user : new long[] {first, first + 1}) {
            write(app -> app.join(roomId, user), app -> app.members(roomId).contains(user));
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
            write(app -> app.send(roomId, sender, body, clientId), app -> app.hasMessage(roomId, clientId));
        } catch (InDoubt e) {
            acks.inDoubt(new AckLog.InDoubtMessage(roomId, sender, body, clientId));
            throw e;
        }
        acks.message(roomId, clientId);
        return clientId;
    }

    private void write(Consumer<ChatApplication> write, Predicate<ChatApplication> isStored) {
        try {
            write.accept(app);
            return;
        } catch (ChatApplication.ChatDatabaseException firstFailure) {
            if (retryWindow.isZero()) {
                throw firstFailure;
            }
        }
        AtomicBoolean reported = new AtomicBoolean();
        try {
            await("resolving a write with an unknown outcome through " + endpoint).atMost(retryWindow)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .ignoreException(ChatApplication.ChatDatabaseException.class)
                    .until(() -> resolve(app, write, isStored, reported));
        } catch (ConditionTimeoutException stillInDoubt) {
            throw new InDoubt(retryWindow, stillInDoubt);
        }
    }

    /** Reads the write back and writes it again (same client-made ids) only when it is missing. */
    private boolean resolve(ChatApplication app, Consumer<ChatApplication> write, Predicate<ChatApplication> isStored,
                            AtomicBoolean reported) {
        boolean stored = isStored.test(app);
        if (reported.compareAndSet(false, true)) {
            acks.unknownOutcome(stored);
        }
        if (!stored) {
            write.accept(app);
        }
        return true;
    }

    /**
     * A write still unresolved when the retry window ended: typically one that was prepared on the
     * workers when its coordinator died, whose rows stay locked until that coordinator recovers it.
     * It is kept in the {@link AckLog}, not acknowledged, and resolved later.
     */
    public static class InDoubt extends RuntimeException {
        InDoubt(Duration window, Throwable cause) {
            super("a write was still in doubt after " + window.toSeconds() + " s of retries", cause);
        }
    }

}
