package io.github.chatcluster.isolation;

import io.github.chatcluster.waits.BoundedStop;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.schema.LockTimeout;
import io.github.chatcluster.schema.SchemaChange;
import io.github.chatcluster.schema.SchemaOperator;

/**
 * A list-append workload on the real cluster (Jepsen's {@code jepsen.tests.cycle.append}): a table of its own,
 * {@code isolation_lists}, distributed by room id and co-located with {@code rooms}, so each key is one room's shard
 * group; each key's row holds a list (a bigint array). Clients run transactions of 1 to 4 micro-operations on random
 * keys (append a value unique to its key, or read the key's whole list), each client through its own entry point and
 * at its own isolation level, and every transaction is recorded with its times and outcome: ok, fail (rolled back:
 * known not to have happened) or info (unknown: the connection was lost at COMMIT, or the coordinator died during it). Keys are retired after
 * {@link #APPENDS_PER_KEY} appends, so that lists stay short, as Elle advises. The isolation feature
 * runs it.
 */
public final class ListAppendWorkload implements AutoCloseable {

    public static final String TABLE = "isolation_lists";
    public static final int ACTIVE_KEYS = 10;
    private static final Duration DROP_LOCK_WAIT = Duration.ofSeconds(10);
    /** The longest a workload runs its clients, in seconds. */
    public static final int MAX_SECONDS = 30;
    static final int APPENDS_PER_KEY = 64;

    private final Endpoint coordinator1;
    private final long firstKey;
    private final AtomicLong nextKey;
    private final Map<Long, AtomicLong> nextValue = new ConcurrentHashMap<>();
    private final Map<Integer, Long> active = new ConcurrentHashMap<>();
    private final int activeKeys;
    private final ListAppendTransactions transactions = new ListAppendTransactions(TABLE);

    /** Creates the workload's table through coordinator-1, with {@link #ACTIVE_KEYS} keys in use at a time. */
    public ListAppendWorkload(Endpoint coordinator1, long firstKey) {
        this(coordinator1, firstKey, ACTIVE_KEYS);
    }

    /**
     * Creates the workload's table through coordinator-1; keys start at {@code firstKey} (room ids no scenario uses),
     * and {@code activeKeys} are in use at a time: the fewer, the more clients contend for each.
     */
    public ListAppendWorkload(Endpoint coordinator1, long firstKey, int activeKeys) {
        if (activeKeys < 1) {
            throw new IllegalArgumentException("at least one key in use, not " + activeKeys);
        }
        this.coordinator1 = coordinator1;
        this.firstKey = firstKey;
        this.activeKeys = activeKeys;
        this.nextKey = new AtomicLong(firstKey + activeKeys);
        for (int slot = 0; slot < activeKeys; slot++) {
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
    public void run(List<ListAppendClient> clients, Duration duration, long seed) {
        if (duration.toSeconds() < 1 || duration.toSeconds() > MAX_SECONDS) {
            throw new IllegalArgumentException("a list-append workload runs for 1 to " + MAX_SECONDS + " seconds, not "
                    + duration.toSeconds() + ": longer histories cost the run's time and the checker's, and find no more");
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long end = System.nanoTime() + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                ListAppendClient client = clients.get(i);
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
                ListAppendClient reader = ListAppendClient.finalReader(entry);
                try (Connection c = reader.open()) {
                    Txn t = transactions.execute(reader, c, List.of(new Mop.Read(key, null)));
                    ids.add(t.id());
                } catch (SQLException e) {
                    throw new IllegalStateException("the final read of key " + key + " through " + entry + " failed: " + e.getMessage(), e);
                }
            }
        }
        return ids;
    }

    public List<Txn> history() {
        return transactions.history();
    }

    /**
     * Drops the workload's table as an operator drops one, waiting at most 10 s for its locks on every node
     * ({@link SchemaOperator} with a {@link LockTimeout} set on every node): a fault can leave a transaction of a
     * coordinator open on a worker, holding them, and then the check before the next scenario finds the table.
     */
    @Override
    public void close() {
        SchemaChange drop = SchemaOperator.through(coordinator1).withLockTimeout(new LockTimeout(DROP_LOCK_WAIT, LockTimeout.Scope.EVERY_NODE))
                .run("DROP TABLE IF EXISTS " + TABLE);
        if (!drop.succeeded()) {
            throw new IllegalStateException("could not drop " + TABLE + ": " + drop.summary());
        }
    }

    /** One transaction of 1 to 4 micro-operations; false when its connection is no longer usable. */
    private boolean transaction(ListAppendClient client, Connection c, SplittableRandom random) {
        List<Mop> planned = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int slot = random.nextInt(activeKeys);
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
        return transactions.execute(client, c, planned).outcome() == Txn.Outcome.OK;
    }

    /** A new connection for the client, tried every 200 ms until the end of the run (an entry point may be down). */
    private static Connection openWhenPossible(ListAppendClient client, long endNanos) {
        java.util.concurrent.atomic.AtomicReference<Connection> opened = new java.util.concurrent.atomic.AtomicReference<>();
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        try {
            org.awaitility.Awaitility.await("a connection for " + client.name()).atMost(Duration.ofNanos(left).plusSeconds(10))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).pollInSameThread().until(() -> {
                        try {
                            opened.set(client.open());
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
        Map<Txn.Outcome, Integer> counts = new java.util.EnumMap<>(Txn.Outcome.class);
        history().forEach(t -> counts.merge(t.outcome(), 1, Integer::sum));
        return counts;
    }

    /** Why transactions failed or ended unknown: SQLSTATE, and how many. */
    public Map<String, Integer> failures() {
        return transactions.failures();
    }
}
