package io.github.chatcluster.operations;

import io.github.chatcluster.waits.BoundedStop;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.core.ConditionTimeoutException;

import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.cluster.Endpoint;

/**
 * A shard move with a fault in its middle: the move runs on a thread of its own while the calling thread watches the
 * target worker's sessions; the moment a COPY into one of the chat shard tables runs there (the shard is being
 * copied), the fault is injected. What Citus's failure tests do with a proxy that kills the connection on the COPY.
 */
public final class InterruptedMove {

    /** How the move ended, and when its copy was seen and the fault injected (empty when no copy was seen). */
    public record Outcome(OperationRun run, Optional<Instant> copySeen, String copyStatement) {
    }

    private static final String COPY_INTO_A_SHARD = "SELECT left(query, 120) FROM pg_stat_activity WHERE state = 'active'"
            + " AND query ~ '^COPY public\\.(" + String.join("|", ChatTables.NAMES) + ")_[0-9]+ ' LIMIT 1";

    private InterruptedMove() {
    }

    public static Outcome run(ClusterOperations operations, long shardId, String from, String to, TransferMode mode,
                              Endpoint target, Runnable fault, Duration bound) {
        ExecutorService mover = Executors.newSingleThreadExecutor();
        Instant started = Instant.now();
        try (Connection watch = target.connectOnce(Duration.ofSeconds(3), Duration.ofSeconds(5))) {
            String what = "moving shard " + shardId + " (and its co-located shards) from " + from + " to " + to + " with " + mode;
            CompletableFuture<OperationRun> move = CompletableFuture.supplyAsync(() -> OperationRun.of(what,
                    operations.coordinator().name(), () -> operations.moveShard(shardId, from, to, mode)), mover);
            String[] copy = new String[1];
            Optional<Instant> seen = Optional.empty();
            try {
                await("a COPY into a shard table on " + target).atMost(bound).pollInterval(Duration.ofMillis(25))
                        .pollInSameThread().until(() -> move.isDone() || (copy[0] = copyRunning(watch)) != null);
                if (copy[0] != null) {
                    seen = Optional.of(Instant.now());
                    fault.run();
                }
            } catch (ConditionTimeoutException e) {
                // reported below: no copy seen
            }
            long left = Math.max(1, bound.toMillis() - java.time.Duration.between(started, Instant.now()).toMillis());
            OperationRun run = move.get(left, TimeUnit.MILLISECONDS);
            return new Outcome(run, seen, copy[0]);
        } catch (SQLException e) {
            throw new IllegalStateException("could not watch the sessions of " + target + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new AssertionError("the move did not end within " + bound.toSeconds() + " s of its start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the move failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            BoundedStop.now(mover, java.time.Duration.ofSeconds(10), "the interrupted move's caller");
        }
    }

    private static String copyRunning(Connection watch) throws SQLException {
        try (Statement s = watch.createStatement(); ResultSet rs = s.executeQuery(COPY_INTO_A_SHARD)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
