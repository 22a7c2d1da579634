package io.github.chatcluster.isolation;

import java.sql.Connection;

/** The isolation levels the list-append clients run at, in the features' words. */
public enum Isolation {
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, "read committed"),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, "repeatable read");

    private final int jdbc;
    private final String words;

    Isolation(int jdbc, String words) {
        this.jdbc = jdbc;
        this.words = words;
    }

    /** JDBC's constant for the level. */
    int jdbc() {
        return jdbc;
    }

    @Override
    public String toString() {
        return words;
    }
}
