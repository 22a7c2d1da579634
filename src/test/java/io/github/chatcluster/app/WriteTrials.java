package io.github.chatcluster.app;

import io.github.chatcluster.waits.BoundedStop;
import io.github.chatcluster.stats.Percentile;
import io.github.chatcluster.cluster.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import io.github.chatcluster.cluster.Endpoint;


/**
 * Timed trials of a write load: writers, each with its own session and its own room in a trial, send messages for a
 * fixed time, all starting together behind a barrier; every write's latency is kept. A writer's session is used
 * again by the next trial through the same entry point (closed by {@link #close()}). The rooms are drawn from those
 * {@link #prepare} made ({@link TrialRooms}), or made by each writer before its trial.
 */
public final class WriteTrials implements AutoCloseable {

    /** Sessions of earlier trials, by entry point, used again: their connections to the workers are open already. */
    private final Map<Endpoint, java.util.Deque<ChatApplication>> idle = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What one trial measured: the latency of every acknowledged write, the failures, the trial's duration, and how
     * many writes were acknowledged inside it (a write still under way when the trial ended counts for its latency,
     * not for the throughput).
     */
    public record Trial(String label, List<Duration> latencies, int failures, String firstFailure, Duration elapsed, int completedInside,
                        Map<String, List<Duration>> latenciesByEntry, Map<String, Integer> completedByEntry) {

        /** A series of writes with no fixed duration: every write counts, over the time the series took. */
        public Trial(String label, List<Duration> latencies, int failures, String firstFailure, Duration elapsed) {
            this(label, latencies, failures, firstFailure, elapsed, latencies.size(), Map.of(), Map.of());
        }

        /** The writes acknowledged inside the trial through one entry point, per second of the trial. */
        public double perSecondThrough(String entry) {
            return completedByEntry.getOrDefault(entry, 0) * 1000.0 / Math.max(1, elapsed.toMillis());
        }

        /** The median latency of the writes through one entry point (nearest rank), or zero when there were none. */
        public Duration medianThrough(String entry) {
            List<Duration> sorted = latenciesByEntry.getOrDefault(entry, List.of()).stream().sorted().toList();
            return sorted.isEmpty() ? Duration.ZERO : sorted.get(Math.max(0, (int) Math.ceil(sorted.size() / 2.0) - 1));
        }

        /** Writes acknowledged inside the trial, per second of the trial. */
        public double perSecond() {
            return completedInside * 1000.0 / Math.max(1, elapsed.toMillis());
        }

        /** The latency below which the given share of the writes stayed (nearest rank). */
        public Duration percentile(double share) {
            return latencies.isEmpty() ? Duration.ZERO : Percentile.of(latencies, share);
        }

        public Duration fastest() {
            return latencies.stream().min(Duration::compareTo).orElse(Duration.ZERO);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: %d writes in %.1f s = %.1f/s (%d more ended after it), latency median %d ms, p99 %d ms, fastest %d ms%s",
                    label, completedInside, elapsed.toMillis() / 1000.0, perSecond(), latencies.size() - completedInside, percentile(0.5).toMillis(),
                    percentile(0.99).toMillis(), fastest().toMillis(),
                    failures == 0 ? "" : ", " + failures + " failed (first: " + firstFailure + ")");
        }
    }

    private final AckLog acks;
    /** Rooms made before the trials; null when each writer makes its own. */
    private volatile TrialRooms made;

    public WriteTrials(AckLog acks) {
        this.acks = acks;
    }

    /**
     * A new room, with its two members, written through the session: its first writes open the coordinator's
     * connections to the two workers of the room's shard (with 50 ms between them, about 2 s).
     */
    private long newRoomThrough(ChatApplication session) {
        long room = ChatWriter.newRoomId();
        session.createRoom(room, "trial room " + room);
        acks.room(room);
        for (long user : new long[] {room % 1_000_000_000L, room % 1_000_000_000L + 1}) {
            session.join(room, user);
            acks.member(room, user);
        }
        return room;
    }

    /**
     * Opens the trials' sessions before the first trial, as many through each entry point as a trial uses there at
     * most, and makes {@code roomsPerSession} rooms through each, all sessions at once: their writes open their
     * coordinator's connections to coordinator-2 (coordinator-1's lock) and, with a read over every shard, to every
     * worker, so that a trial measures writes, not connection set-up. The trials draw their rooms from those.
     */
    public void prepare(Map<Endpoint, Integer> sessionsPerEntry, int roomsPerSession, long seed) {
        TrialRooms rooms = new TrialRooms(seed);
        List<Map.Entry<Endpoint, ChatApplication>> opened = new ArrayList<>();
        sessionsPerEntry.forEach((entry, count) -> {
            for (int i = 0; i < count; i++) {
                ChatApplication session = ChatApplication.session(entry);
                // kept at once, so that close() ends it even when opening the next one fails
                idle.computeIfAbsent(entry, e -> new java.util.concurrent.ConcurrentLinkedDeque<>()).push(session);
                opened.add(Map.entry(entry, session));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, opened.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<Endpoint, ChatApplication> o : opened) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < roomsPerSession; i++) {
                        rooms.add(newRoomThrough(o.getValue()));
                    }
                    o.getValue().roomCount(); // a connection to every worker, for the rooms it draws that others made
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the rooms of the trials could not be made: " + e, e);
        } finally {
            BoundedStop.now(pool, Duration.ofSeconds(30), "the sessions making the trials' rooms");
        }
        made = rooms;
    }

    /** One trial: the writers per entry point send messages for the duration, counted from their common start. */
    public Trial run(String label, Map<Endpoint, Integer> writersPerEntry, Duration duration) {
        List<Endpoint> writers = new ArrayList<>();
        writersPerEntry.forEach((entry, count) -> writers.addAll(Collections.nCopies(count, entry)));
        List<Duration> latencies = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger completedInside = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, List<Duration>> byEntry = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, java.util.concurrent.atomic.AtomicInteger> completedByEntry = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(writers.size() + 1);
        AtomicReference<Instant> end = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Map.Entry<Endpoint, ChatApplication>> used = new CopyOnWriteArrayList<>();
        List<Long> drawn = made == null ? List.of() : made.draw(writers.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers.size(); w++) {
                Endpoint entry = writers.get(w);
                Long given = drawn.isEmpty() ? null : drawn.get(w);
                ChatApplication session = take(entry);
                used.add(Map.entry(entry, session));
                futures.add(pool.submit(() -> {
                    long room = given != null ? given : newRoomThrough(session);
                    long sender = acks.membersOf(room).get(0);
                    start.await();
                    while (Instant.now().isBefore(end.get())) {
                        UUID id = UUID.randomUUID();
                        Instant before = Instant.now();
                        try {
                            // no retry inside a trial: the policy only counts the outcome of a failed write
                            RetryPolicy.none().write(() -> session.send(room, sender, "trial " + label, id).wasAlreadyStored(), acks.tally());
                            Instant done = Instant.now();
                            latencies.add(Duration.between(before, done));
                            byEntry.computeIfAbsent(entry.name(), e -> new CopyOnWriteArrayList<>()).add(Duration.between(before, done));
                            if (!done.isAfter(end.get())) {
                                completedInside.incrementAndGet();
                                completedByEntry.computeIfAbsent(entry.name(), e -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                            }
                            acks.message(room, id);
                        } catch (RetryPolicy.InDoubt e) {
                            failures.add("UNKNOWN: " + Text.firstLine(e.getCause().getMessage()));
                            acks.inDoubt().add(new InDoubtWrites.Message(room, sender, "trial " + label, id));
                        } catch (ChatDatabaseException e) {
                            failures.add("REFUSED: " + Text.firstLine(e.getMessage()));
                        }
                    }
                    return null;
                }));
            }
            waitForSetUp(start, futures);
            Instant began = Instant.now();
            end.set(began.plus(duration));
            start.await(60, TimeUnit.SECONDS);
            for (Future<?> future : futures) {
                future.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            }
            Map<String, List<Duration>> latenciesByEntry = new java.util.TreeMap<>();
            byEntry.forEach((e, l) -> latenciesByEntry.put(e, List.copyOf(l)));
            Map<String, Integer> completed = new java.util.TreeMap<>();
            completedByEntry.forEach((e, n) -> completed.put(e, n.get()));
            return new Trial(label, List.copyOf(latencies), failures.size(), failures.isEmpty() ? null : failures.get(0),
                    duration, completedInside.get(), latenciesByEntry, completed);
        } catch (Exception e) {
            throw new IllegalStateException("the trial \"" + label + "\" did not complete: " + e, e);
        } finally {
            BoundedStop.now(pool, Duration.ofSeconds(30), "the writers of \"" + label + "\"");
            used.forEach(u -> idle.computeIfAbsent(u.getKey(), e -> new java.util.concurrent.ConcurrentLinkedDeque<>()).push(u.getValue()));
        }
    }

    private ChatApplication take(Endpoint entry) {
        ChatApplication session = idle.getOrDefault(entry, new java.util.ArrayDeque<>()).poll();
        return session != null ? session : ChatApplication.session(entry);
    }

    /** Closes the sessions the trials kept. */
    @Override
    public void close() {
        idle.values().forEach(sessions -> sessions.forEach(ChatApplication::close));
        idle.clear();
    }

    /** Returns when every writer has set up its room and waits at the barrier; throws what a writer failed with. */
    private static void waitForSetUp(CyclicBarrier start, List<Future<?>> writers) throws Exception {
        org.awaitility.Awaitility.await("the writers setting up their rooms").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> start.getNumberWaiting() == start.getParties() - 1 || writers.stream().anyMatch(Future::isDone));
        for (Future<?> writer : writers) {
            if (writer.isDone()) {
                writer.get();
            }
        }
    }
}
