package io.github.chatcluster.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.chatcluster.cluster.Endpoint;

/**
 * The application's use of a table a migration adds: a reaction of a member to a room, written and read through one
 * entry point on a session of its own. Its table ({@code reactions (room_id, user_id, emoji)}, distributed by the room
 * id) is the migration's: a feature creates it, and drops it again.
 */
public final class Reactions implements AutoCloseable {

    /** One reaction: who reacted in which room, with what. */
    public record Reaction(long room, long user, String emoji) {
        String key() {
            return room + "/" + user + "/" + emoji;
        }
    }

    private final Endpoint entry;
    private final Connection session;

    private Reactions(Endpoint entry) {
        this.entry = entry;
        try {
            this.session = entry.connect(RetryPolicy.ATTEMPT_BOUND);
        } catch (SQLException e) {
            throw new ChatDatabaseException(entry, e, false);
        }
    }

    public static Reactions through(Endpoint entry) {
        return new Reactions(entry);
    }

    /** Adds the reaction; returns normally once it is acknowledged, throws with its SQLSTATE when it is refused. */
    public void add(Reaction r) {
        try (PreparedStatement ps = session.prepareStatement("INSERT INTO reactions (room_id, user_id, emoji) VALUES (?, ?, ?)")) {
            ps.setLong(1, r.room());
            ps.setLong(2, r.user());
            ps.setString(3, r.emoji());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ChatDatabaseException(entry, e, false); // autocommit: an error here may be one during its commit; counted as refused, read back at the end
        }
    }

    /** How many times each reaction is stored, as a query through this entry point sees the table. */
    public Map<String, Integer> storedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement ps = session.prepareStatement("SELECT room_id, user_id, emoji FROM reactions");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.merge(new Reaction(rs.getLong(1), rs.getLong(2), rs.getString(3)).key(), 1, Integer::sum);
            }
            return counts;
        } catch (SQLException e) {
            throw new ChatDatabaseException(entry, e, false);
        }
    }

    /** The acknowledged reactions that are not stored exactly once in what {@link #storedCounts()} read. */
    public static List<String> notStoredOnce(List<Reaction> acknowledged, Map<String, Integer> counts) {
        List<String> wrong = new ArrayList<>();
        for (Reaction r : acknowledged) {
            int n = counts.getOrDefault(r.key(), 0);
            if (n != 1) {
                wrong.add(r.key() + " stored " + n + " times");
            }
        }
        return wrong;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (SQLException ignored) {
            // closing a broken session: nothing to give back
        }
    }

}
