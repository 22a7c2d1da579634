package io.github.chatcluster.steps;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import io.cucumber.java.en.Then;
import io.github.chatcluster.catalog.PreparedTransactions;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.Figures;

/**
 * What became of the writes a node's kill cut off between PREPARE and COMMIT PREPARED: acknowledged to their clients,
 * but invisible on that node until the coordinator that wrote them finishes them (Citus's two-phase-commit recovery,
 * run by each coordinator's maintenance daemon). Only looks: nothing here calls the recovery.
 */
public class TwoPhaseRecoveryChecks {

    private final ScenarioContext context;
    private final OperationsContext operations;

    public TwoPhaseRecoveryChecks(ScenarioContext context, OperationsContext operations) {
        this.context = context;
        this.operations = operations;
    }

    @Then("every write the kill left prepared on that worker is finished by Citus's own two-phase-commit recovery within {int} seconds of the worker accepting queries again, and the report shows how many there were")
    public void everyPreparedWriteIsFinished(int seconds) {
        List<String> left = operations.preparedByTheKill;
        Instant start = operations.killedAcceptsQueries;
        if (start == null) {
            throw new IllegalStateException("no node was started again after a kill in this scenario");
        }
        String key = OperationsContext.figureKey(context) + ".prepared-left-by-the-kill";
        Figures.record(key, String.valueOf(left.size()));
        if (left.isEmpty()) {
            context.report("the kill of " + operations.killed + " left no transaction prepared on it: no write was cut off"
                    + " between PREPARE and COMMIT PREPARED this time");
            return;
        }
        Endpoint node = context.cluster().endpoint(operations.killed);
        Instant deadline = start.plusSeconds(seconds);
        AtomicReference<List<String>> stillHeld = new AtomicReference<>(left);
        try {
            await(operations.killed + " finishing the transactions the kill left prepared")
                    .atMost(max(Duration.ofMillis(1), Duration.between(Instant.now(), deadline)))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                    .until(() -> {
                        stillHeld.set(PreparedTransactions.stillHeld(node, left));
                        return stillHeld.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(operations.killed + " still holds " + stillHeld.get().size() + " of the " + left.size()
                    + " transactions the kill left prepared " + stillHeld.get() + " " + seconds + " s after it accepted queries again: their rows"
                    + " stay invisible there, and every read served by that copy misses them");
        }
        double after = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Figures.record(key + "-finished-seconds", String.format(java.util.Locale.ROOT, "%.1f", after));
        context.report("the kill of " + operations.killed + " left " + left.size() + " transaction(s) prepared on it " + left
                + "; Citus's recovery had finished them " + String.format(java.util.Locale.ROOT, "%.1f", after)
                + " s after it accepted queries again (a prepared transaction's rows are visible to no reader until it is committed)");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
