package io.github.chatcluster.operations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A background job of Citus (a rebalance or drain started with {@code citus_rebalance_start}) as one coordinator's
 * {@code pg_dist_background_job} and {@code pg_dist_background_task} show it: each coordinator keeps its own.
 */
public record BackgroundJob(long id, String state, Map<String, Integer> tasksByStatus, int retries, List<String> errors,
                            Duration ranFor) {

    /** The states Citus never leaves. */
    private static final List<String> FINAL = List.of("finished", "cancelled", "failed");

    public boolean ended() {
        return FINAL.contains(state);
    }

    public boolean finished() {
        return "finished".equals(state);
    }

    /** Moves done (each task moves one shard group). */
    public int tasksDone() {
        return tasksByStatus.getOrDefault("done", 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "job %d %s after %.1f s, tasks %s, %d retries%s", id, state,
                ranFor.toMillis() / 1000.0, tasksByStatus, retries, errors.isEmpty() ? "" : ", errors: " + errors);
    }
}
