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

    /** What one round of reactions came to: those acknowledged, and those refused, each with its entry point and SQLSTATE. */
    public record Round(List<Reaction> acknowledged, List<String> refused) {
    }

    /**
     * Through each entry point in turn, on a session of its own, the first member of every room reacts with the entry
     * point's name: what a new release of the application does once the table exists.
     */
    public static Round onePerRoom(List<Endpoint> entries, List<Long> rooms, java.util.function.LongFunction<Long> memberOf) {
        List<Reaction> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Endpoint entry : entries) {
            try (Reactions reactions = through(entry)) {
                for (long room : rooms) {
                    Reaction r = new Reaction(room, memberOf.apply(room), entry.name());
                    try {
                        reactions.add(r);
                        acknowledged.add(r);
                    } catch (ChatDatabaseException e) {
                        refused.add(entry + ": " + e.sqlState());
                    }
                }
            }
        }
        return new Round(acknowledged, refused);
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
