package io.github.chatcluster.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.NodeSessions;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.waits.ProgressWait;

/** The background jobs one coordinator keeps ({@code pg_dist_background_job}; the table is not synced between nodes). */
public final class BackgroundJobs {

    /** Where the jobs are read and changed: a session of the suite's, or a new connection each time. */
    private interface Session {
        List<List<String>> rows(String sql) throws SQLException;

        void execute(String sql) throws SQLException;
    }

    private final String coordinator;
    private final Session session;

    private BackgroundJobs(String coordinator, Session session) {
        this.coordinator = coordinator;
        this.session = session;
    }

    /** The jobs of the coordinator, read on a new connection each time (for a wait that outlives any one session). */
    public static BackgroundJobs on(Endpoint coordinator) {
        return new BackgroundJobs(coordinator.toString(), new Session() {
            @Override
            public List<List<String>> rows(String sql) throws SQLException {
                try (Connection c = coordinator.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    List<List<String>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }

            @Override
            public void execute(String sql) throws SQLException {
                try (Connection c = coordinator.connect(); Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
        });
    }

    /** The jobs of the coordinator, read on the suite's own session on it (the check before every scenario). */
    public static BackgroundJobs on(NodeSessions sessions, String coordinator) {
        return new BackgroundJobs(coordinator, new Session() {
            @Override
            public List<List<String>> rows(String sql) {
                return sessions.rows(coordinator, sql);
            }

            @Override
            public void execute(String sql) {
                sessions.execute(coordinator, sql);
            }
        });
    }

    public Optional<BackgroundJob> job(long id) {
        return jobs("WHERE j.job_id = " + id).stream().findFirst();
    }

    /**
     * Waits for the job to end, a harness wait ({@link ProgressWait}): as long as its tasks progress (any task's status
     * changes), at most {@code stall} without progress and {@code ceiling} in all; returns what was seen last.
     */
    public ProgressWait.Outcome<BackgroundJob> awaitEnd(long id, Duration stall, Duration ceiling) {
        return ProgressWait.await("job " + id + " on " + coordinator + " ending",
                () -> job(id).orElseThrow(() -> new IllegalStateException("no job " + id + " on " + coordinator)),
                BackgroundJob::ended, job -> job.tasksByStatus().toString(), stall, ceiling);
    }

    /** Jobs not finished, cancelled or failed. */
    public List<BackgroundJob> unfinished() {
        return jobs("WHERE j.state NOT IN ('finished', 'cancelled', 'failed')");
    }

    /**
     * Ends every unfinished job by marking it and its tasks cancelled in the catalog: what is left when Citus's own
     * {@code citus_rebalance_stop} is refused (it is, on coordinator-2). Returns the jobs it ended.
     */
    public List<Long> cancelInTheCatalog() {
        List<Long> ids = unfinished().stream().map(BackgroundJob::id).toList();
        if (ids.isEmpty()) {
            return ids;
        }
        String list = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        try {
            session.execute("UPDATE pg_dist_background_task SET status = 'cancelled' WHERE job_id IN (" + list
                    + ") AND status NOT IN ('done', 'cancelled', 'error')");
            session.execute("UPDATE pg_dist_background_job SET state = 'cancelled', finished_at = now() WHERE job_id IN (" + list + ")");
        } catch (SQLException | IllegalStateException e) {
            throw new IllegalStateException("cancelling the jobs " + ids + " on " + coordinator + " failed: " + e.getMessage(), e);
        }
        return ids;
    }

    private List<BackgroundJob> jobs(String where) {
        String sql = """
                SELECT j.job_id, j.state::text,
                       coalesce(extract(epoch FROM coalesce(j.finished_at, now()) - coalesce(j.started_at, now())), 0),
                       t.status::text, count(t.task_id), coalesce(sum(t.retry_count), 0),
                       string_agg(DISTINCT left(split_part(t.message, E'\\n', 1), 200), ' | ') FILTER (WHERE t.message LIKE '%ERROR%')
                FROM pg_dist_background_job j LEFT JOIN pg_dist_background_task t USING (job_id)
                """ + where + " GROUP BY j.job_id, j.state, j.started_at, j.finished_at, t.status ORDER BY j.job_id";
        Map<Long, BackgroundJob> jobs = new LinkedHashMap<>();
        try {
            for (List<String> row : session.rows(sql)) {
                long id = Long.parseLong(row.get(0));
                BackgroundJob before = jobs.get(id);
                Map<String, Integer> tasks = before == null ? new LinkedHashMap<>() : new LinkedHashMap<>(before.tasksByStatus());
                List<String> errors = before == null ? new ArrayList<>() : new ArrayList<>(before.errors());
                if (row.get(3) != null) {
                    tasks.put(row.get(3), Integer.parseInt(row.get(4)));
                }
                String message = row.get(6);
                if (message != null && message.contains("ERROR")) { // a task that succeeded keeps its command tag
                    errors.add(Text.firstLine(message));
                }
                int retries = (before == null ? 0 : before.retries()) + Integer.parseInt(row.get(5));
                jobs.put(id, new BackgroundJob(id, row.get(1), tasks, retries, errors,
                        Duration.ofMillis((long) (Double.parseDouble(row.get(2)) * 1000))));
            }
            return List.copyOf(jobs.values());
        } catch (SQLException | IllegalStateException e) {
            throw new IllegalStateException("reading the background jobs on " + coordinator + " failed: " + e.getMessage(), e);
        }
    }
}
