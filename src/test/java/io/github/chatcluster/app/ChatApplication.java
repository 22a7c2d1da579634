package io.github.chatcluster.app;

import java.util.List;

/** The chat application that runs on the cluster. */
public class ChatApplication {

    /** The application's tables, all distributed by room. */
    public static final List<String> TABLES = List.of("rooms", "room_members", "messages");
}
