package io.github.chatcluster.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.RoomRush;
import io.github.chatcluster.cluster.Endpoint;


/** The chat room of one scenario and what happened in it; a new one for every scenario. */
public class ChatWorld {

    private static final Map<String, Long> USERS = Map.of("alice", 7_000_001L, "bob", 7_000_002L, "carol", 7_000_003L);

    private long roomId;
    final Map<String, Long> messageIds = new HashMap<>();
    ChatApplication.Refused refusal;

    public long createRoomWith(Endpoint entry, String first, String second) {
        roomId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        ChatApplication app = ChatApplication.through(entry);
        app.createRoom(roomId, "room of " + first + " and " + second);
        app.join(roomId, USERS.get(first));
        app.join(roomId, USERS.get(second));
        return roomId;
    }

    /** A room with no member yet. */
    public long createEmptyRoom(Endpoint entry) {
        roomId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        ChatApplication.through(entry).createRoom(roomId, "a room everyone wants to join");
        return roomId;
    }

    /** Users 8_000_001, 8_000_002, ... try to join at once, each through the entry point at its index, then to post. */
    public List<RoomRush.Attempt> rush(List<Endpoint> entries, AckLog acks) {
        List<Long> users = java.util.stream.LongStream.rangeClosed(1, entries.size()).map(i -> 8_000_000L + i).boxed().toList();
        return RoomRush.join(roomId, users, entries, acks);
    }

    public List<Long> memberIds(Endpoint entry) {
        return ChatApplication.through(entry).members(roomId);
    }

    public List<ChatApplication.Message> history(Endpoint entry) {
        return ChatApplication.through(entry).history(roomId);
    }

    public long roomId() {
        return roomId;
    }

    public void join(Endpoint entry, String user) {
        ChatApplication.through(entry).join(roomId, USERS.get(user));
    }

    public void send(Endpoint entry, String user, String body) {
        long id = ChatApplication.through(entry).send(roomId, USERS.get(user), body);
        messageIds.put(entry.name(), id);
    }

    public long messageIdSentThrough(String entryName) {
        Long id = messageIds.get(entryName);
        if (id == null) {
            throw new IllegalStateException("no message was sent through " + entryName);
        }
        return id;
    }

    /** sender | message, in the order the application returns the history. */
    public List<List<String>> historyTable(Endpoint entry) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("sender", "message"));
        for (ChatApplication.Message m : ChatApplication.through(entry).history(roomId)) {
            rows.add(List.of(nameOf(m.senderId()), m.body()));
        }
        return rows;
    }

    public List<String> memberNames(Endpoint entry) {
        return ChatApplication.through(entry).members(roomId).stream().map(ChatWorld::nameOf).toList();
    }

    private static String nameOf(long userId) {
        return USERS.entrySet().stream().filter(e -> e.getValue() == userId).map(Map.Entry::getKey).findFirst()
                .orElse("user " + userId);
    }
}
