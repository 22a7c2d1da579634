package io.github.chatcluster.app;

import io.github.chatcluster.waits.BoundedStop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chatcluster.cluster.Endpoint;

/**
 * Clients that keep writing and reading while an operation runs, until they are stopped: per entry point one writer,
 * which sends a message to the next of the given rooms every {@link #PACE} under the suite's one {@link RetryPolicy},
 * and one reader, which reads the next room's latest {@link #LATEST} messages. Each client has its own connection and thread; every
 * acknowledged write goes into the scenario's {@link AckLog}, and each client keeps its own figures: its longest time
 * without a success ({@link ClientGaps}), writes refused by SQLSTATE, unknown outcomes and retries.
 */
public final class SteadyLoad implements AutoCloseable {

    /** The pause between the end of one write (or read) of a client and the start of its next. */
    public static final Duration PACE = Duration.ofMillis(100);
    /** How many of a room's latest messages a reader reads. */
    public static final int LATEST = 20;
    /** How long a writer retries a failed write (the suite's one policy; each attempt is bounded to 5 s). */
    public static final Duration RETRY_WINDOW = Duration.ofSeconds(20);

    /** What one client saw. */
    public record ClientFigures(String client, int successes, Duration longestGap, double gapBeganAfterSeconds,
                                Map<String, Integer> failedBySqlState, int unknownOutcomes, int retries) {
        public String row() {
            return String.format(Locale.ROOT, "%-28s %6d %9.2f s (at %5.1f s) %-22s %4d %6d", client, successes,
                    longestGap.toMillis() / 1000.0, gapBeganAfterSeconds, failedBySqlState.isEmpty() ? "none" : failedBySqlState,
                    unknownOutcomes, retries);
        }

        public static String header() {
            return String.format(Locale.ROOT, "%-28s %6s %23s %-22s %4s %6s", "client", "done", "longest gap", "refused (SQLSTATE)",
                    "unkn", "retry");
        }
    }

    /** A client's name and what it saw: its gaps between successes and its timeline. */
    private abstract class Client {
        final String name;
        final ClientGaps gaps = newGaps();
        final ClientTimeline timeline = new ClientTimeline(start);

        Client(String name) {
            this.name = name;
        }

        abstract void step();

        abstract ClientFigures figures();

        abstract void close();

        String name() {
            return name;
        }

        ClientTimeline timeline() {
            return timeline;
        }

        /** A request of this client succeeded now. */
        void succeeded() {
            Instant done = Instant.now();
            gaps.success(done);
            timeline.add(done, ClientTimeline.Kind.SUCCESS, null);
        }
    }

    private final ScheduledExecutorService threads;
    private final List<Client> clients = new ArrayList<>();
    private final List<ClientGaps> gaps = new ArrayList<>();
    private final Instant start = Instant.now();
    private volatile Instant stoppedAt;

    private SteadyLoad(int threadCount) {
        this.threads = Executors.newScheduledThreadPool(threadCount);
    }

    /** Starts a writer and a reader through each entry point, on the rooms (each with its members in the log). */
    public static SteadyLoad start(List<Endpoint> entries, List<Long> rooms, AckLog acks) {
        if (rooms.isEmpty()) {
            throw new IllegalArgumentException("the clients need rooms to write to");
        }
        SteadyLoad load = new SteadyLoad(entries.size() * 2);
        for (Endpoint entry : entries) {
            load.add(load.new Writer(entry, rooms, acks));
            load.add(load.new Reader(entry, rooms));
        }
        return load;
    }

    private void add(Client client) {
        clients.add(client);
        threads.scheduleWithFixedDelay(client::step, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops every client after the write or read it is doing (at most the retry window and a few seconds) and returns
     * what each saw, writers first.
     */
    public List<ClientFigures> stop() {
        Instant stopped = Instant.now();
        stoppedAt = stopped;
        BoundedStop.after(threads, RETRY_WINDOW.plusSeconds(15), Duration.ofSeconds(10), "the steady load's clients");
        gaps.forEach(g -> g.stopped(stopped));
        clients.forEach(c -> c.timeline().stopped(stopped));
        List<ClientFigures> figures = clients.stream().map(Client::figures).toList();
        clients.forEach(Client::close);
        return figures;
    }

    /** Stops the clients if a scenario ended before it did. */
    @Override
    public void close() {
        if (!threads.isShutdown()) {
            stop();
        }
    }

    /** Each client's timeline by its name, writers first: what each saw during any part of the load. */
    public Map<String, ClientTimeline> timelines() {
        Map<String, ClientTimeline> timelines = writerTimelines();
        clients.stream().filter(c -> c instanceof Reader).forEach(c -> timelines.put(c.name(), c.timeline()));
        return timelines;
    }

    /** The writers' timelines by name. */
    public Map<String, ClientTimeline> writerTimelines() {
        Map<String, ClientTimeline> timelines = new java.util.LinkedHashMap<>();
        clients.stream().filter(c -> c instanceof Writer).forEach(c -> timelines.put(c.name(), c.timeline()));
        return timelines;
    }

    /** When the clients were told to stop (empty while they run). */
    public java.util.Optional<Instant> stoppedAt() {
        return java.util.Optional.ofNullable(stoppedAt);
    }

    /** The longest time any client has gone without a success so far, the time since its last success included. */
    public Duration longestGapSoFar() {
        Instant now = Instant.now();
        return clients.stream().map(c -> c.timeline().within(start, now).longestGap()).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public Duration elapsed() {
        return Duration.between(start, Instant.now());
    }

    /** An error as a timeline keeps it: its SQLSTATE and the first line of its message, at most 200 characters. */
    private static String error(ChatDatabaseException e) {
        String line = e.sqlState() + ": " + io.github.chatcluster.cluster.Text.firstLine(e.getMessage());
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private ClientGaps newGaps() {
        ClientGaps g = new ClientGaps(start);
        gaps.add(g);
        return g;
    }

    private final class Writer extends Client {
        private final ChatWriter writer;
        private final OutcomeTally tally;
        private final AckLog acks;
        private final List<Long> rooms;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger inDoubt = new AtomicInteger();

        Writer(Endpoint entry, List<Long> rooms, AckLog acks) {
            super("writer through " + entry);
            this.tally = acks.tally().part(e -> timeline.add(Instant.now(), ClientTimeline.Kind.FAILED_ATTEMPT, error(e)));
            this.writer = new ChatWriter(entry, acks, RETRY_WINDOW, tally);
            this.acks = acks;
            this.rooms = List.copyOf(rooms);
        }

        @Override
        void step() {
            int n = next.getAndIncrement();
            try {
                long room = rooms.get(n % rooms.size());
                List<Long> members = acks.membersOf(room);
                writer.sendMessage(room, members.get(n % members.size()), "steady load " + n);
                succeeded();
            } catch (RetryPolicy.InDoubt e) {
                inDoubt.incrementAndGet();
                timeline.add(Instant.now(), ClientTimeline.Kind.UNKNOWN, io.github.chatcluster.cluster.Text.firstLine(e.getMessage()));
            } catch (ChatDatabaseException e) {
                // refused after the retries: counted by the tally, by SQLSTATE
                timeline.add(Instant.now(), ClientTimeline.Kind.REFUSED, error(e));
            } catch (RuntimeException e) {
                tally.refused("(" + e.getClass().getSimpleName() + ")"); // a client's own error: counted, not hidden
                timeline.add(Instant.now(), ClientTimeline.Kind.REFUSED, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        @Override
        ClientFigures figures() {
            return new ClientFigures(name, gaps.successes(), gaps.longest(), gaps.longestBeganAfterSeconds(),
                    tally.refusedBySqlState(), tally.unknownOutcomes(), tally.retries());
        }

        @Override
        void close() {
            writer.close();
        }
    }

    private final class Reader extends Client {
        private final ChatApplication app;
        private final List<Long> rooms;
        private final AtomicInteger next = new AtomicInteger();
        private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();

        Reader(Endpoint entry, List<Long> rooms) {
            super("reader through " + entry);
            this.app = ChatApplication.session(entry).boundingEachStatementTo(RetryPolicy.ATTEMPT_BOUND);
            this.rooms = List.copyOf(rooms);
        }

        @Override
        void step() {
            long room = rooms.get(next.getAndIncrement() % rooms.size());
            try {
                app.latestMessages(room, LATEST);
                succeeded();
            } catch (ChatDatabaseException e) {
                failed.computeIfAbsent(String.valueOf(e.sqlState()), s -> new AtomicInteger()).incrementAndGet();
                timeline.add(Instant.now(), ClientTimeline.Kind.FAILED_ATTEMPT, error(e));
            } catch (RuntimeException e) {
                failed.computeIfAbsent("(" + e.getClass().getSimpleName() + ")", s -> new AtomicInteger()).incrementAndGet();
                timeline.add(Instant.now(), ClientTimeline.Kind.FAILED_ATTEMPT, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        @Override
        ClientFigures figures() {
            Map<String, Integer> byState = new TreeMap<>();
            failed.forEach((s, n) -> byState.put(s, n.get()));
            return new ClientFigures(name, gaps.successes(), gaps.longest(), gaps.longestBeganAfterSeconds(), byState, 0, 0);
        }

        @Override
        void close() {
            app.close();
        }
    }
}
