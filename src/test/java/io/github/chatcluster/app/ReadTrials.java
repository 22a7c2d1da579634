package io.github.chatcluster.app;

import io.github.chatcluster.waits.BoundedStop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.chatcluster.cluster.Endpoint;

/**
 * Timed trials of a read load: readers, each on its own session opened before the trial, read the latest 20 messages
 * of one room after another for a fixed time, all starting together behind a barrier. A trial counts the reads done
 * inside it and the failures.
 */
public final class ReadTrials {

    /** What one trial measured. */
    public record Trial(String label, int reads, int failures, String firstFailure, Duration elapsed) {
        public double perSecond() {
            return reads * 1000.0 / Math.max(1, elapsed.toMillis());
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: %d reads in %.1f s (%.1f/s), %d failed%s", label, reads,
                    elapsed.toMillis() / 1000.0, perSecond(), failures, firstFailure == null ? "" : " (first: " + firstFailure + ")");
        }
    }

    private ReadTrials() {
    }

    /** One trial: the readers per entry point read the rooms for the duration. */
    public static Trial run(String label, Map<Endpoint, Integer> readersPerEntry, List<Long> rooms, Duration duration) {
        List<Endpoint> readers = new ArrayList<>();
        readersPerEntry.forEach((entry, n) -> {
            for (int i = 0; i < n; i++) {
                readers.add(entry);
            }
        });
        List<Connection> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(readers.size());
        try {
            for (Endpoint entry : readers) {
                Connection c = entry.connect();
                sessions.add(c);
                try (var s = c.createStatement()) {
                    s.execute("SET statement_timeout = '5s'");
                    s.execute("SELECT count(*) FROM messages WHERE room_id = " + rooms.get(0)); // the workers' connections open
                }
            }
            CyclicBarrier start = new CyclicBarrier(readers.size() + 1);
            List<Future<int[]>> results = new ArrayList<>();
            String[] firstFailure = new String[1];
            for (int i = 0; i < readers.size(); i++) {
                Connection c = sessions.get(i);
                int offset = i;
                results.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    long end = System.nanoTime() + duration.toNanos();
                    int reads = 0;
                    int failures = 0;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT id, body FROM messages WHERE room_id = ? ORDER BY id DESC LIMIT 20")) {
                        for (int n = offset; System.nanoTime() < end; n++) {
                            ps.setLong(1, rooms.get(n % rooms.size()));
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    // read every row, as an application does
                                }
                                if (System.nanoTime() < end) {
                                    reads++;
                                }
                            } catch (SQLException e) {
                                failures++;
                                synchronized (firstFailure) {
                                    if (firstFailure[0] == null) {
                                        firstFailure[0] = e.getSQLState() + " " + io.github.chatcluster.cluster.Text.firstLine(e.getMessage());
                                    }
                                }
                            }
                        }
                    }
                    return new int[] {reads, failures};
                }));
            }
            start.await(60, TimeUnit.SECONDS);
            int reads = 0;
            int failures = 0;
            for (Future<int[]> f : results) {
                int[] r = f.get(duration.toSeconds() + 30, TimeUnit.SECONDS);
                reads += r[0];
                failures += r[1];
            }
            return new Trial(label, reads, failures, firstFailure[0], duration); // only the reads done inside it are counted
        } catch (Exception e) {
            throw new IllegalStateException("the read trial '" + label + "' could not run: " + e, e);
        } finally {
            BoundedStop.now(pool, Duration.ofSeconds(30), "the readers of \"" + label + "\"");
            for (Connection c : sessions) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a session that is gone
                }
            }
        }
    }
}
