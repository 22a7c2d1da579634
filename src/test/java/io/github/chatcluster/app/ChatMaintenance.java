package io.github.chatcluster.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SqlScript;


/** What an operator does to the chat data: load the demo's sample data, empty the tables, change the schema. */
public final class ChatMaintenance {

    private final Transactions tx;

    private ChatMaintenance(Endpoint endpoint) {
        this.tx = new Transactions(endpoint, false);
    }

    /** Each call runs in its own transaction on a new connection through the entry point. */
    public static ChatMaintenance through(Endpoint endpoint) {
        return new ChatMaintenance(endpoint);
    }

    /** Loads the demo's sample data (containers/schema/sample-data.sql) through this entry point. */
    public void loadSampleData(Path sampleData) {
        String script;
        try {
            script = Files.readString(sampleData);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the sample data " + sampleData + ": " + e.getMessage(), e);
        }
        tx.run(c -> {
            try (Statement s = c.createStatement()) {
                for (String statement : SqlScript.statements(script)) {
                    s.execute(statement);
                }
            }
            return null;
        });
    }

    /** Empties every chat table (DDL-like: it runs through coordinator-1). */
    public void truncateAll() {
        tx.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE " + String.join(", ", ChatTables.NAMES));
            }
            return null;
        });
    }

    /** A harmless schema change (DDL): a column added to rooms and dropped again. */
    public void changeSchema() {
        tx.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE rooms ADD COLUMN IF NOT EXISTS schema_change_probe int");
            }
            return null;
        });
        tx.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE rooms DROP COLUMN IF EXISTS schema_change_probe");
            }
            return null;
        });
    }

    /** Writes {@code count} messages of about 200 bytes into one room in one statement, each body starting with {@code bodyPrefix}. */
    public void addBulkMessages(long roomId, long senderId, String bodyPrefix, int count) {
        tx.run(c -> {
            Transactions.update(c, "INSERT INTO messages (room_id, client_msg_id, sender_id, body)"
                    + " SELECT ?, gen_random_uuid(), ?, ? || repeat('.', 200) FROM generate_series(1, ?)", roomId, senderId, bodyPrefix, count);
            return null;
        });
    }

    /**
     * Deletes the room's messages whose body starts with {@code bodyPrefix}, then VACUUMs the table, so that the space
     * goes too (the default rebalance strategy, by_disk_size, weighs a shard by its size).
     */
    public void removeBulkMessages(long roomId, String bodyPrefix) {
        tx.run(c -> {
            Transactions.update(c, "DELETE FROM messages WHERE room_id = ? AND body LIKE ? || '%'", roomId, bodyPrefix);
            return null;
        });
        io.github.chatcluster.cluster.ChatCluster.execute(tx.endpoint(), "VACUUM messages");
    }
}
