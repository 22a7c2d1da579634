package io.github.chatcluster.isolation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chatcluster.app.WriteOutcome;

/**
 * Runs list-append transactions on a client's connection and records each in the history, as it completed: ok, fail
 * (rolled back: known not to have happened) or info (unknown: the connection was lost at COMMIT, or the coordinator died during it). Also counts why
 * transactions failed, by SQLSTATE. Thread-safe: one instance serves every client of a workload.
 */
final class ListAppendTransactions {

    private final String table;
    private final List<Txn> history = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final long origin = System.nanoTime();

    ListAppendTransactions(String table) {
        this.table = table;
    }

    /** Runs the planned micro-operations as one transaction (or, for a weakened client, one commit each) and records it. */
    Txn execute(ListAppendClient client, Connection c, List<Mop> planned) {
        long invoked = System.nanoTime() - origin;
        List<Mop> done = new ArrayList<>();
        boolean committing = false;
        boolean committedSome = false;
        Txn.Outcome outcome;
        String error = null;
        try {
            for (Mop m : planned) {
                done.add(apply(c, m));
                if (client.commitsEachOperation()) {
                    c.commit();
                    committedSome = true;
                }
            }
            committing = true;
            c.commit();
            outcome = Txn.Outcome.OK;
        } catch (SQLException e) {
            // a weakened client that committed some of its operations before one failed did not fail: part of it happened
            outcome = committedSome || committing && WriteOutcome.unknownAtCommit(e) ? Txn.Outcome.INFO : Txn.Outcome.FAIL;
            String state = e.getSQLState() == null ? "no SQLSTATE" : e.getSQLState();
            failures.merge(state, 1, Integer::sum);
            error = state + (committing ? " at COMMIT" : "") + ": " + io.github.chatcluster.cluster.Text.firstLine(String.valueOf(e.getMessage()));
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // a broken connection: the transaction is over either way
            }
        }
        List<Mop> recorded = outcome == Txn.Outcome.OK ? done : planned;
        Txn t = new Txn(ids.getAndIncrement(), client.name(), outcome, recorded, invoked, System.nanoTime() - origin, error);
        history.add(t);
        return t;
    }

    private Mop apply(Connection c, Mop m) throws SQLException {
        if (m instanceof Mop.Append a) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (room_id, elements) VALUES (?, ARRAY[?]::bigint[])"
                    + " ON CONFLICT (room_id) DO UPDATE SET elements = " + table + ".elements || EXCLUDED.elements")) {
                ps.setLong(1, a.key());
                ps.setLong(2, a.value());
                ps.executeUpdate();
            }
            return a;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT elements FROM " + table + " WHERE room_id = ?")) {
            ps.setLong(1, m.key());
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> values = new ArrayList<>();
                if (rs.next()) {
                    Array array = rs.getArray(1);
                    Collections.addAll(values, (Long[]) array.getArray());
                }
                return new Mop.Read(m.key(), List.copyOf(values));
            }
        }
    }

    List<Txn> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Why transactions failed or ended unknown: SQLSTATE, and how many. */
    Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }
}
