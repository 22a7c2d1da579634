package io.github.chatcluster.app.pool;

import io.github.chatcluster.waits.BoundedStop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;

/**
 * An application as Java applications connect: a HikariCP pool of a fixed number of sessions through one entry point
 * (the load balancer), all opened at the start. A burst has every session's thread borrow a session, write a message
 * to its room and read the room's latest messages, and give the session back, all at once; the burst says what each
 * session saw. Hikari's own settings are its defaults except the pool size and a 10 s bound on borrowing a session.
 */
public final class PooledApplication implements AutoCloseable {

    /** What one burst of one application saw. */
    public record Burst(String application, String label, int sessions, int acknowledged, Map<String, Integer> failures,
                        Duration longestBorrow, String poolBefore, String poolAfter) {
        public int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s, %s: %d sessions, %d writes acknowledged, %d failed %s, longest wait for a"
                    + " session %.2f s; pool before %s, after %s", application, label, sessions, acknowledged, failed(),
                    failures.isEmpty() ? "" : failures, longestBorrow.toMillis() / 1000.0, poolBefore, poolAfter);
        }
    }

    private final String name;
    private final int size;
    private final HikariDataSource pool;
    private final AckLog acks;
    private final List<Long> rooms;
    private final ExecutorService threads;

    public PooledApplication(String name, Endpoint entry, int size, AckLog acks, List<Long> rooms) {
        this.name = name;
        this.size = size;
        this.acks = acks;
        this.rooms = List.copyOf(rooms);
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(entry.jdbcUrl());
        config.setUsername(entry.credentials().user());
        config.setPassword(entry.credentials().password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("ApplicationName", name);
        config.addDataSourceProperty("sslmode", io.github.chatcluster.cluster.Endpoint.SSL_MODE);
        this.pool = new HikariDataSource(config);
        this.threads = Executors.newFixedThreadPool(size);
    }

    /** Every session, one after another; each is the caller's until it closes it (at most 10 s a session). */
    List<Connection> borrowAll() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(pool.getConnection());
            }
            return held;
        } catch (SQLException e) {
            held.forEach(PoolWrite::giveBack);
            throw e;
        }
    }

    /** Takes a borrowed session out of the pool at once (its task did not end in time). */
    void evict(Connection c) {
        pool.evictConnection(c);
    }

    ExecutorService threads() {
        return threads;
    }

    AckLog acks() {
        return acks;
    }

    List<Long> rooms() {
        return rooms;
    }

    int size() {
        return size;
    }

    /** Waits (at most 60 s) until the pool holds all its sessions. */
    public void awaitAllOpen() {
        org.awaitility.Awaitility.await(name + " opening its " + size + " sessions").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> pool.getHikariPoolMXBean().getTotalConnections() >= size);
    }

    public String name() {
        return name;
    }

    public String poolState() {
        var mx = pool.getHikariPoolMXBean();
        return mx.getTotalConnections() + " sessions (" + mx.getActiveConnections() + " in use, " + mx.getIdleConnections() + " idle)";
    }

    /** {@link WarmUp#run}: every session writes to every room, {@code atOnce} sessions at a time. */
    public WarmUp warmUp(int atOnce) {
        return WarmUp.run(this, atOnce);
    }

    /** Every session at once: borrow, write a message, read the room's latest 20, give back. */
    public Burst burst(String label) {
        String before = poolState();
        CyclicBarrier start = new CyclicBarrier(size);
        List<Future<String>> outcomes = new ArrayList<>();
        Duration[] longest = {Duration.ZERO};
        for (int i = 0; i < size; i++) {
            long room = rooms.get(i % rooms.size());
            outcomes.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                Instant asked = Instant.now();
                try (Connection c = pool.getConnection()) {
                    Duration waited = Duration.between(asked, Instant.now());
                    synchronized (longest) {
                        if (waited.compareTo(longest[0]) > 0) {
                            longest[0] = waited;
                        }
                    }
                    String failed = PoolWrite.write(c, acks, name, room, label);
                    if (failed != null) {
                        return failed;
                    }
                    try (PreparedStatement r = c.prepareStatement("SELECT id FROM messages WHERE room_id = ? ORDER BY id DESC LIMIT 20")) {
                        r.setLong(1, room);
                        try (ResultSet rs = r.executeQuery()) {
                            while (rs.next()) {
                                // read every row
                            }
                        }
                    } catch (SQLException e) {
                        return "read " + PoolWrite.kind(e);
                    }
                    return "ok";
                } catch (SQLException e) {
                    return "borrow " + (e.getSQLState() == null ? Text.firstLine(e.getMessage()) : e.getSQLState());
                }
            }));
        }
        int ok = 0;
        Map<String, Integer> failures = new TreeMap<>();
        for (Future<String> f : outcomes) {
            String outcome = PoolWrite.outcome(f);
            if ("ok".equals(outcome)) {
                ok++;
            } else {
                failures.merge(outcome, 1, Integer::sum);
            }
        }
        return new Burst(name, label, size, ok, failures, longest[0], before, poolState());
    }

    /** Closes every session (bounded by Hikari) and the threads (at most 30 s). */
    @Override
    public void close() {
        BoundedStop.now(threads, java.time.Duration.ofSeconds(30), "the pooled application's threads");
        pool.close();
    }
}
