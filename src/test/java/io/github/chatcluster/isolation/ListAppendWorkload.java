package io.github.chatcluster.isolation;

import io.github.chatcluster.waits.BoundedStop;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;

/**
 * A list-append workload on the real cluster (Jepsen's {@code jepsen.tests.cycle.append}): a table of its own,
 * {@code isolation_lists}, distributed by room id and co-located with {@code rooms}, so each key is one room's shard
 * group; each key's row holds a list (a bigint array). Clients run transactions of 1 to 4 micro-operations on random
 * keys (append a value unique to its key, or read the key's whole list), each client through its own entry point and
 * at its own isolation level, and every transaction is recorded with its times and outcome: ok, fail (rolled back:
 * known not to have happened) or info (the connection was lost at COMMIT: unknown). Keys are retired after
 * {@link #APPENDS_PER_KEY} appends, so that lists stay short, as Elle advises. The isolation feature
 * runs it.
 */
public final class ListAppendWorkload implements AutoCloseable {

    public static final String TABLE = "isolation_lists";
    static final int ACTIVE_KEYS = 10;
    static final int APPENDS_PER_KEY = 64;
    private static final Duration STATEMENT_BOUND = Duration.ofSeconds(5);

    /**
     * A client: its name (the history's process), its entry point, its isolation level (JDBC's constant), and whether
     * it is weakened on purpose: a weakened client commits after each micro-operation, yet records the transaction as
     * one, which is what a control needs (the checker must find the anomalies that produces).
     */
    public record Client(String name, Endpoint entry, int isolation, boolean commitsEachOperation) {
        public Client(String name, Endpoint entry, int isolation) {
            this(name, entry, isolation, false);
        }

        /** A client at the level, named by its entry point and level ("coordinator-1 at read committed"). */
        public static Client at(Endpoint entry, Isolation level) {
            return new Client(entry.name() + " at " + level, entry, level.jdbc);
        }

        /** The n-th of several such clients ("coordinator-1 at repeatable read (2)"). */
        public static Client at(Endpoint entry, Isolation level, int n) {
            return new Client(entry.name() + " at " + level + " (" + n + ")", entry, level.jdbc);
        }

        /** A client at repeatable read that commits after each micro-operation (a control). */
        public static Client weakened(Endpoint entry) {
            return new Client("weakened through " + entry.name(), entry, Connection.TRANSACTION_REPEATABLE_READ, true);
        }
    }

    /** The isolation levels the clients run at. */
    public enum Isolation {
        READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, "read committed"),
        REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, "repeatable read");

        private final int jdbc;
        private final String words;

        Isolation(int jdbc, String words) {
            this.jdbc = jdbc;
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    private final Endpoint coordinator1;
    private final long firstKey;
    private final AtomicLong nextKey;
    private final Map<Long, AtomicLong> nextValue = new ConcurrentHashMap<>();
    private final Map<Integer, Long> active = new ConcurrentHashMap<>();
    private final List<Txn> history = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final long origin = System.nanoTime();

    /** Creates the workload's table through coordinator-1; keys start at {@code firstKey} (room ids no scenario uses). */
    public ListAppendWorkload(Endpoint coordinator1, long firstKey) {
        this.coordinator1 = coordinator1;
        this.firstKey = firstKey;
        this.nextKey = new AtomicLong(firstKey + ACTIVE_KEYS);
        for (int slot = 0; slot < ACTIVE_KEYS; slot++) {
            active.put(slot, firstKey + slot);
        }
        ChatCluster.execute(coordinator1, "DROP TABLE IF EXISTS " + TABLE);
        ChatCluster.execute(coordinator1, "CREATE TABLE " + TABLE + " (room_id bigint PRIMARY KEY, elements bigint[] NOT NULL)");
        try {
            ChatCluster.execute(coordinator1, "SELECT create_distributed_table('" + TABLE + "', 'room_id', colocate_with => 'rooms')");
        } catch (RuntimeException e) {
            ChatCluster.execute(coordinator1, "DROP TABLE IF EXISTS " + TABLE); // not left behind as a local table
            throw e;
        }
    }

    /** Runs the clients for the duration, each in its own thread; returns when all have stopped (bounded). */
    public void run(List<Client> clients, Duration duration, long seed) {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long end = System.nanoTime() + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                Client client = clients.get(i);
                SplittableRandom random = new SplittableRandom(seed + i);
                running.add(pool.submit(() -> {
                    Connection c = null;
                    try {
                        while (System.nanoTime() < end) {
                            if (c == null) {
                                c = openWhenPossible(client, end);
                                if (c == null) {
                                    break; // no connection before the end: the entry point stayed down
                                }
                            }
                            if (!transaction(client, c, random)) {
                                close(c);
                                c = null;
                            }
                        }
                    } finally {
                        close(c);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the list-append clients did not end: " + e, e);
        } finally {
            BoundedStop.now(pool, Duration.ofSeconds(30), "the list-append clients");
        }
    }

    /** After the clients stopped: one read of every key through each entry point given; returns their ids. */
    public java.util.Set<Integer> finalReads(List<Endpoint> entries) {
        java.util.Set<Integer> ids = new java.util.TreeSet<>();
        for (Endpoint entry : entries) {
            for (long key = firstKey; key < nextKey.get(); key++) {
                Client reader = new Client(JepsenHistory.FINAL_PROCESS + " through " + entry.name(), entry, Connection.TRANSACTION_READ_COMMITTED);
                try (Connection c = open(reader)) {
                    List<Mop> planned = List.of(new Mop.Read(key, null));
                    Txn t = execute(reader, c, planned);
                    ids.add(t.id());
                } catch (SQLException e) {
                    throw new IllegalStateException("the final read of key " + key + " through " + entry + " failed: " + e.getMessage(), e);
                }
            }
        }
        return ids;
    }

    public List<Txn> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Drops the workload's table. */
    @Override
    public void close() {
        ChatCluster.execute(coordinator1, "DROP TABLE IF EXISTS " + TABLE);
    }

    /** One transaction of 1 to 4 micro-operations; false when its connection is no longer usable. */
    private boolean transaction(Client client, Connection c, SplittableRandom random) {
        List<Mop> planned = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int slot = random.nextInt(ACTIVE_KEYS);
            long key = active.get(slot);
            if (random.nextBoolean()) {
                long value = nextValue.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                if (value == APPENDS_PER_KEY) {
                    active.replace(slot, key, nextKey.getAndIncrement()); // retire the key, once: lists stay short
                }
                planned.add(new Mop.Append(key, value));
            } else {
                planned.add(new Mop.Read(key, null));
            }
        }
        // after a failure the client starts again on a new connection: the old one may be broken
        return execute(client, c, planned).outcome() == Txn.Outcome.OK;
    }

    private Txn execute(Client client, Connection c, List<Mop> planned) {
        long invoked = System.nanoTime() - origin;
        List<Mop> done = new ArrayList<>();
        boolean committing = false;
        Txn.Outcome outcome;
        try {
            for (Mop m : planned) {
                done.add(apply(c, m));
                if (client.commitsEachOperation()) {
                    c.commit();
                }
            }
            committing = true;
            c.commit();
            outcome = Txn.Outcome.OK;
        } catch (SQLException e) {
            outcome = committing && WriteOutcome.connectionLost(e) ? Txn.Outcome.INFO : Txn.Outcome.FAIL;
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // a broken connection: the transaction is over either way
            }
        }
        List<Mop> recorded = outcome == Txn.Outcome.OK ? done : planned;
        Txn t = new Txn(ids.getAndIncrement(), client.name(), outcome, recorded, invoked, System.nanoTime() - origin);
        history.add(t);
        return t;
    }

    private static Mop apply(Connection c, Mop m) throws SQLException {
        if (m instanceof Mop.Append a) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (room_id, elements) VALUES (?, ARRAY[?]::bigint[])"
                    + " ON CONFLICT (room_id) DO UPDATE SET elements = " + TABLE + ".elements || EXCLUDED.elements")) {
                ps.setLong(1, a.key());
                ps.setLong(2, a.value());
                ps.executeUpdate();
            }
            return a;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT elements FROM " + TABLE + " WHERE room_id = ?")) {
            ps.setLong(1, m.key());
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> values = new ArrayList<>();
                if (rs.next()) {
                    Array array = rs.getArray(1);
                    for (Long v : (Long[]) array.getArray()) {
                        values.add(v);
                    }
                }
                return new Mop.Read(m.key(), List.copyOf(values));
            }
        }
    }

    /** A new connection for the client, tried every 200 ms until the end of the run (an entry point may be down). */
    private static Connection openWhenPossible(Client client, long endNanos) {
        java.util.concurrent.atomic.AtomicReference<Connection> opened = new java.util.concurrent.atomic.AtomicReference<>();
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        try {
            org.awaitility.Awaitility.await("a connection for " + client.name()).atMost(Duration.ofNanos(left).plusSeconds(10))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).pollInSameThread().until(() -> {
                        try {
                            opened.set(open(client));
                            return true;
                        } catch (SQLException e) {
                            return System.nanoTime() > endNanos;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return null;
        }
        return opened.get();
    }

    private static Connection open(Client client) throws SQLException {
        Connection c = client.entry().connect();
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + STATEMENT_BOUND.toMillis());
        }
        c.setAutoCommit(false);
        c.setTransactionIsolation(client.isolation());
        return c;
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // given up anyway
            }
        }
    }

    /** How many transactions of each outcome the history holds. */
    public Map<Txn.Outcome, Integer> outcomes() {
        Map<Txn.Outcome, Integer> counts = new HashMap<>();
        history().forEach(t -> counts.merge(t.outcome(), 1, Integer::sum));
        return counts;
    }
}
