package io.github.chatcluster.catalog;

import java.util.List;

/** The chat application's tables as the cluster stores them: all distributed by room, in one co-location group. */
public final class ChatTables {

    /** The application's tables, all distributed by room. */
    public static final List<String> NAMES = List.of("rooms", "room_members", "messages");

    private ChatTables() {
    }

    /** The column that holds the room id in each chat table. */
    public static String roomColumn(String table) {
        return "rooms".equals(table) ? "id" : "room_id";
    }
}
