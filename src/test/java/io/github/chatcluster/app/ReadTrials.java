package io.github.chatcluster.app;

import io.github.chatcluster.waits.BoundedStop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.chatcluster.cluster.Endpoint;

/**
 * Timed trials of a read load: readers read the latest 20 messages of one room after another for a fixed time, all
 * starting together behind a barrier; a trial counts the reads done inside it and the failures.
 * <p>
 * The readers' sessions are opened once, before the first trial ({@link #open}), as many through each entry point as
 * a trial uses there at most, and each has read every room once: its coordinator's connections to every worker are
 * open and its statement is prepared, so that a trial measures reads, not connection set-up (a new session's first
 * read of each worker opens a TLS connection, and with new sessions in every trial that set-up weighed on a trial of
 * one second). A trial uses the first sessions of each entry point; {@link #close()} ends them all.
 */
public final class ReadTrials implements AutoCloseable {

    private static final String READ = "SELECT id, body FROM messages WHERE room_id = ? ORDER BY id DESC LIMIT 20";

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

    /** One reader's session and its prepared read. */
    private record Reader(Connection session, PreparedStatement read) {
    }

    private final List<Long> rooms;
    private final Map<Endpoint, List<Reader>> readers = new LinkedHashMap<>();
    private final ExecutorService threads;

    private ReadTrials(List<Long> rooms, int threads) {
        this.rooms = List.copyOf(rooms);
        this.threads = Executors.newFixedThreadPool(Math.max(1, threads));
    }

    /** Opens {@code sessionsPerEntry} readers' sessions, each of which reads every room once before the trials. */
    public static ReadTrials open(Map<Endpoint, Integer> sessionsPerEntry, List<Long> rooms) {
        if (rooms.isEmpty()) {
            throw new IllegalArgumentException("the read trials need rooms to read");
        }
        ReadTrials trials = new ReadTrials(rooms, sessionsPerEntry.values().stream().mapToInt(Integer::intValue).sum());
        try {
            sessionsPerEntry.forEach((entry, n) -> {
                for (int i = 0; i < n; i++) {
                    trials.readers.computeIfAbsent(entry, e -> new ArrayList<>()).add(trials.openReader(entry));
                }
            });
            List<Future<?>> warming = new ArrayList<>();
            trials.readers.values().forEach(list -> list.forEach(r -> warming.add(trials.threads.submit(() -> {
                for (long room : trials.rooms) {
                    readOnce(r, room);
                }
                return null;
            }))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (Future<?> f : warming) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return trials;
        } catch (Exception e) {
            trials.close();
            throw new IllegalStateException("the readers' sessions could not be opened and warmed: " + e, e);
        }
    }

    private Reader openReader(Endpoint entry) {
        Connection c = null;
        try {
            c = entry.connect();
            try (var s = c.createStatement()) {
                s.execute("SET statement_timeout = '5s'");
            }
            return new Reader(c, c.prepareStatement(READ));
        } catch (SQLException e) {
            abort(c);
            throw new IllegalStateException("a reader's session through " + entry.name() + " could not be opened: " + e.getMessage(), e);
        }
    }

    private static void abort(Connection c) {
        if (c != null) {
            try {
                c.abort(Runnable::run); // also when a stuck reader still uses it
            } catch (SQLException ignored) {
                // a session that is gone
            }
        }
    }

    private static void readOnce(Reader r, long room) throws SQLException {
        r.read().setLong(1, room);
        try (ResultSet rs = r.read().executeQuery()) {
            while (rs.next()) {
                // read every row, as an application does
            }
        }
    }

    /** One trial: the first {@code n} readers of each entry point read the rooms for the duration. */
    public Trial run(String label, Map<Endpoint, Integer> readersPerEntry, Duration duration) {
        List<Reader> taking = new ArrayList<>();
        readersPerEntry.forEach((entry, n) -> {
            List<Reader> opened = readers.getOrDefault(entry, List.of());
            if (opened.size() < n) {
                throw new IllegalArgumentException("the trial '" + label + "' wants " + n + " readers through " + entry.name() + "; " + opened.size() + " were opened");
            }
            taking.addAll(opened.subList(0, n));
        });
        CyclicBarrier start = new CyclicBarrier(taking.size() + 1);
        String[] firstFailure = new String[1];
        List<Future<int[]>> results = new ArrayList<>();
        try {
            for (int i = 0; i < taking.size(); i++) {
                Reader r = taking.get(i);
                int offset = i * rooms.size() / taking.size(); // each reader starts at another room
                results.add(threads.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    long end = System.nanoTime() + duration.toNanos();
                    int reads = 0;
                    int failures = 0;
                    for (int n = offset; System.nanoTime() < end; n++) {
                        try {
                            readOnce(r, rooms.get(n % rooms.size()));
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
            results.forEach(f -> f.cancel(true));
            throw new IllegalStateException("the read trial '" + label + "' could not run: " + e, e);
        }
    }

    /** Stops the readers' threads and closes their sessions, within a bound. */
    @Override
    public void close() {
        BoundedStop.now(threads, Duration.ofSeconds(30), "the readers of the read trials");
        readers.values().forEach(list -> list.forEach(r -> abort(r.session())));
        readers.clear();
    }
}
