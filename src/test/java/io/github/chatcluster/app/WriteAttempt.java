package io.github.chatcluster.app;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;

/**
 * One write a client tried, and what became of it: acknowledged, or the error with its SQLSTATE and what the client can
 * conclude from it ({@link WriteOutcome}), and how long the client waited. Acknowledged rows are registered in the
 * scenario's {@link AckLog} as the attempt is made; a scenario's When step makes attempts, its Then steps judge them.
 */
public record WriteAttempt(Kind kind, Endpoint entry, long roomId, UUID clientId, boolean acknowledged, String sqlState,
                           WriteOutcome outcome, String error, Duration took, Instant ended) {

    public enum Kind {
        MESSAGE("a new message"), ROOM("a new room"), ROOM_WITH_MEMBERS_AND_MESSAGES("a new room with its members and messages"),
        SCHEMA_CHANGE("a schema change");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    @FunctionalInterface
    private interface Write {
        void run();
    }

    private static WriteAttempt attempt(Kind kind, Endpoint entry, long roomId, UUID clientId, Write write) {
        Instant start = Instant.now();
        try {
            write.run();
            Instant end = Instant.now();
            return new WriteAttempt(kind, entry, roomId, clientId, true, null, null, null, Duration.between(start, end), end);
        } catch (ChatDatabaseException e) {
            Instant end = Instant.now();
            return new WriteAttempt(kind, entry, roomId, clientId, false, e.sqlState(), e.outcome(), e.getMessage(),
                    Duration.between(start, end), end);
        }
    }

    /** A new message to the room through a new session on the entry point; registered when acknowledged. */
    public static WriteAttempt message(Endpoint entry, long roomId, long senderId, AckLog acks) {
        UUID id = UUID.randomUUID();
        WriteAttempt attempt = attempt(Kind.MESSAGE, entry, roomId, id,
                () -> ChatApplication.through(entry).send(roomId, senderId, "a new message", id));
        if (attempt.acknowledged()) {
            acks.message(roomId, id);
        }
        return attempt;
    }

    /** A new message on a session the client holds (it may hang: the session's own timeouts bound it). */
    public static WriteAttempt message(PooledClient session, long roomId, long senderId, AckLog acks) {
        UUID id = UUID.randomUUID();
        WriteAttempt attempt = session.attemptMessage(roomId, senderId, id);
        if (attempt.acknowledged()) {
            acks.message(roomId, id);
        }
        return attempt;
    }

    /** A new room, with no members, through a new session on the entry point. */
    public static WriteAttempt room(Endpoint entry, AckLog acks) {
        long room = ChatWriter.newRoomId();
        WriteAttempt attempt = attempt(Kind.ROOM, entry, room, null, () -> ChatApplication.through(entry).createRoom(room, "a new room"));
        if (attempt.acknowledged()) {
            acks.room(room);
        }
        return attempt;
    }

    /** A new room with its two members and the given number of messages, through the entry point, with no retry. */
    public static WriteAttempt roomWithMembersAndMessages(Endpoint entry, AckLog acks, int messages) {
        long[] room = new long[1];
        ChatWriter writer = ChatWriter.withoutRetries(entry, acks);
        try {
            WriteAttempt attempt = attempt(Kind.ROOM_WITH_MEMBERS_AND_MESSAGES, entry, 0, null, () -> room[0] = writer.writeRoom(messages));
            return new WriteAttempt(attempt.kind(), entry, room[0], null, attempt.acknowledged(), attempt.sqlState(), attempt.outcome(),
                    attempt.error(), attempt.took(), attempt.ended());
        } finally {
            writer.close();
        }
    }

    /** The suite's schema change (an ALTER TABLE of a chat table) through the entry point. */
    public static WriteAttempt schemaChange(Endpoint entry) {
        return attempt(Kind.SCHEMA_CHANGE, entry, 0, null, () -> ChatMaintenance.through(entry).changeSchema());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s through %s: %s after %.2f s", kind, entry,
                acknowledged ? "acknowledged" : outcome + " (SQLSTATE " + sqlState + ": " + Text.firstLine(error) + ")",
                took.toMillis() / 1000.0);
    }
}
