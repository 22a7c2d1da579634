package io.github.chatcluster.consistency;

import io.github.chatcluster.waits.BoundedStop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.chatcluster.app.AckLog;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;

/**
 * Announcements to two rooms at once, and the reads of both rooms, until stopped. A writer sends each announcement in
 * one transaction (one message to each room, then COMMIT), and right after its acknowledgement reads that announcement
 * through another coordinator ("follow"). Readers read both rooms' announcements: in one statement, or in one
 * REPEATABLE READ transaction (a statement per room), or (the control) in two statements with a newly acknowledged
 * announcement between them, where a fractured read is expected by construction. Every operation goes into the
 * {@link History}; every acknowledged message into the scenario's {@link AckLog}. Each client has its own connection
 * and thread; the stop is bounded.
 */
public final class Announcements implements AutoCloseable {

    /** The pause between two operations of one client. */
    private static final Duration PACE = Duration.ofMillis(5);
    private static final String PREFIX = "announcement ";

    private final RoomPair rooms;
    private final AckLog acks;
    private final History history = new History();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(8);
    private final List<Session> sessions = new ArrayList<>();

    public Announcements(RoomPair rooms, AckLog acks) {
        this.rooms = rooms;
        this.acks = acks;
    }

    public History history() {
        return history;
    }

    public RoomPair rooms() {
        return rooms;
    }

    /** A writer through the entry point, whose every acknowledged announcement is then read through {@code follow}. */
    public Announcements writer(Endpoint through, Endpoint follow) {
        Session write = session(through);
        Session check = session(follow);
        String client = "writer through " + through.name();
        return schedule(() -> {
            long n = next.incrementAndGet();
            Instant began = Instant.now();
            UUID idA = UUID.randomUUID();
            UUID idB = UUID.randomUUID();
            try {
                Connection c = write.connection();
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO messages (room_id, client_msg_id, sender_id, body) VALUES (?, ?, ?, ?)")) {
                    insert(ps, rooms.roomA(), idA, rooms.senderA(), n);
                    insert(ps, rooms.roomB(), idB, rooms.senderB(), n);
                }
                c.commit();
                acks.message(rooms.roomA(), idA);
                acks.message(rooms.roomB(), idB);
                acknowledged.incrementAndGet();
                history.write(client, through.name(), n, began, "ok");
            } catch (SQLException e) {
                write.broken();
                history.write(client, through.name(), n, began, "error: " + e.getSQLState() + " " + Text.firstLine(e.getMessage()));
                return;
            }
            Instant followed = Instant.now();
            try (PreparedStatement ps = check.connection().prepareStatement("SELECT room_id FROM messages"
                    + " WHERE (room_id = ? OR room_id = ?) AND body = ?")) {
                ps.setLong(1, rooms.roomA());
                ps.setLong(2, rooms.roomB());
                ps.setString(3, PREFIX + n);
                Set<Long> a = new TreeSet<>();
                Set<Long> b = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        (rs.getLong(1) == rooms.roomA() ? a : b).add(n);
                    }
                }
                history.add(new History.Operation(client, follow.name(), "follow", n, followed, Instant.now(), "ok", a, b));
            } catch (SQLException e) {
                check.broken();
                history.add(new History.Operation(client, follow.name(), "follow", n, followed, Instant.now(),
                        "error: " + e.getSQLState() + " " + Text.firstLine(e.getMessage()), Set.of(), Set.of()));
            }
        });
    }

    private static void insert(PreparedStatement ps, long room, UUID id, long sender, long n) throws SQLException {
        ps.setLong(1, room);
        ps.setObject(2, id);
        ps.setLong(3, sender);
        ps.setString(4, PREFIX + n);
        ps.executeUpdate();
    }

    /** A reader of both rooms' announcements in one statement. */
    public Announcements readerInOneStatement(Endpoint through) {
        return readerInOneStatement(through, "one-statement reader through " + through.name());
    }

    /**
     * The baseline: a reader in one statement through the writer's own coordinator. A fractured read comes from the
     * absence of a snapshot across workers, so it can happen there too; what the checker finds in its reads is shown beside
     * what it finds in the other readers'.
     */
    public Announcements baselineReaderInOneStatement(Endpoint writersOwn) {
        return readerInOneStatement(writersOwn, "baseline one-statement reader through " + writersOwn.name() + ", the writer's own");
    }

    private Announcements readerInOneStatement(Endpoint through, String client) {
        Session s = session(through);
        return schedule(() -> read(s, client, through, "read one statement", c -> {
            Set<Long>[] seen = seen();
            try (PreparedStatement ps = c.prepareStatement("SELECT room_id, substring(body from " + (PREFIX.length() + 1)
                    + ")::bigint FROM messages WHERE room_id IN (?, ?) AND body LIKE '" + PREFIX + "%'")) {
                ps.setLong(1, rooms.roomA());
                ps.setLong(2, rooms.roomB());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen[rs.getLong(1) == rooms.roomA() ? 0 : 1].add(rs.getLong(2));
                    }
                }
            }
            return seen;
        }));
    }

    /** A reader of both rooms in one REPEATABLE READ transaction, a statement per room. */
    public Announcements readerInOneTransaction(Endpoint through) {
        Session s = session(through);
        String client = "repeatable-read reader through " + through.name();
        return schedule(() -> read(s, client, through, "read repeatable read", c -> {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Set<Long>[] seen = seen();
            seen[0] = room(c, rooms.roomA());
            seen[1] = room(c, rooms.roomB());
            c.commit();
            return seen;
        }));
    }

    /** The control: room A, then (once one more announcement was acknowledged, at most 2 s) room B, in two statements. */
    public Announcements controlReaderInTwoStatements(Endpoint through) {
        Session s = session(through);
        String client = "control reader (two statements, an acknowledgement between) through " + through.name();
        return schedule(() -> read(s, client, through, "read two statements", c -> {
            Set<Long>[] seen = seen();
            seen[0] = room(c, rooms.roomA());
            long before = acknowledged.get();
            try {
                org.awaitility.Awaitility.await("one more acknowledged announcement").atMost(Duration.ofSeconds(2))
                        .pollInterval(Duration.ofMillis(2)).until(() -> acknowledged.get() > before);
            } catch (org.awaitility.core.ConditionTimeoutException none) {
                // no write in between: this read is then an ordinary one
            }
            seen[1] = room(c, rooms.roomB());
            return seen;
        }));
    }

    private static Set<Long> room(Connection c, long room) throws SQLException {
        Set<Long> seen = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT substring(body from " + (PREFIX.length() + 1)
                + ")::bigint FROM messages WHERE room_id = ? AND body LIKE '" + PREFIX + "%'")) {
            ps.setLong(1, room);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getLong(1));
                }
            }
        }
        return seen;
    }

    @SuppressWarnings("unchecked")
    private static Set<Long>[] seen() {
        return new Set[] {new TreeSet<Long>(), new TreeSet<Long>()};
    }

    @FunctionalInterface
    private interface Read {
        Set<Long>[] run(Connection c) throws SQLException;
    }

    private void read(Session s, String client, Endpoint through, String kind, Read read) {
        Instant began = Instant.now();
        try {
            Set<Long>[] seen = read.run(s.connection());
            history.read(client, s.landedOn(), kind, began, "ok", seen[0], seen[1]);
        } catch (SQLException e) {
            s.broken();
            history.read(client, through.name(), kind, began, "error: " + e.getSQLState() + " " + Text.firstLine(e.getMessage()),
                    Set.of(), Set.of());
        }
    }

    /** How many announcements were acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    private Announcements schedule(Runnable step) {
        threads.scheduleWithFixedDelay(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                history.read("(a client's own error)", "-", "error", Instant.now(), "error: " + e, Set.of(), Set.of());
            }
        }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private Session session(Endpoint endpoint) {
        Session s = new Session(endpoint);
        synchronized (sessions) {
            sessions.add(s);
        }
        return s;
    }

    /** Stops every client after its operation (at most 15 s, then interrupted) and closes the connections. */
    public void stop() {
        BoundedStop.after(threads, Duration.ofSeconds(15), Duration.ofSeconds(5), "the announcement clients");
        synchronized (sessions) {
            sessions.forEach(Session::broken);
        }
    }

    @Override
    public void close() {
        if (!threads.isShutdown()) {
            stop();
        }
    }

    /** One client's connection, opened when first needed and again after a failure; statements bounded to 5 s. */
    private static final class Session {
        private final Endpoint endpoint;
        private Connection connection;
        /** Where the session is: the node it connected to, or, through the load balancer, "load-balancer -> coordinator-N". */
        private String landedOn;

        Session(Endpoint endpoint) {
            this.endpoint = endpoint;
            this.landedOn = endpoint.name();
        }

        synchronized Connection connection() throws SQLException {
            if (connection == null) {
                connection = endpoint.connect();
                try (var s = connection.createStatement()) {
                    s.execute("SET statement_timeout = '5s'");
                }
                String node = Endpoint.localNodeName(connection);
                landedOn = node.equals(endpoint.name()) ? node : endpoint.name() + " -> " + node;
            }
            return connection;
        }

        synchronized String landedOn() {
            return landedOn;
        }

        synchronized void broken() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is gone either way
                }
                connection = null;
            }
        }
    }
}
