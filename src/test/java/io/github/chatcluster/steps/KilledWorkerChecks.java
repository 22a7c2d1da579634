package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.cucumber.java.en.Then;
import io.github.chatcluster.catalog.PreparedTransactions;
import io.github.chatcluster.report.ClientsSeen;
import io.github.chatcluster.report.Figures;

/**
 * What a worker's kill and its return left: what the clients went through apart from the outage itself, and what
 * became of the transactions the kill cut off after PREPARE: the ones their coordinator had decided to
 * commit were acknowledged to their clients, but are invisible on that node until the coordinator finishes them
 * (Citus's two-phase-commit recovery, run by each coordinator's maintenance daemon, which also rolls back the ones
 * never decided). Only looks: nothing here calls the recovery.
 */
public class KilledWorkerChecks {

    private final ScenarioContext context;
    private final ClientLoad clientLoad;
    private final MoveState moves;

    public KilledWorkerChecks(ScenarioContext context, ClientLoad clientLoad, MoveState moves) {
        this.context = context;
        this.clientLoad = clientLoad;
        this.moves = moves;
    }

    @Then("no client went more than {int} seconds without a success, not counting the time the killed worker was down, and the report shows what each client saw")
    public void noClientWentLongWithoutSuccessApartFromTheOutage(int seconds) {
        String table = ClientsSeen.record(OperationRuns.figureKey(context), clientLoad.figures);
        context.report(context.acks().summary());
        Instant killed = context.timeline().faultInjectedAt();
        Instant back = moves.killedAcceptsQueries;
        if (killed == null || back == null) {
            throw new IllegalStateException("no worker was killed and started again in this scenario");
        }
        String outage = String.format(Locale.ROOT, "%s was down %.1f s, from its kill until it accepted queries again",
                moves.killed, Duration.between(killed, back).toMillis() / 1000.0);
        Figures.record(OperationRuns.figureKey(context) + ".killed-worker-down-seconds",
                Figures.seconds(Duration.between(killed, back)));
        java.util.Map<String, Duration> net = new java.util.LinkedHashMap<>();
        clientLoad.load.timelines().forEach((client, timeline) -> net.put(client, timeline.longestGapNotCounting(killed, back)));
        StringBuilder report = new StringBuilder(outage).append("; each client's longest time without a success, not counting it:");
        net.forEach((client, gap) -> report.append(String.format(Locale.ROOT, "\n  %-28s %6.2f s", client, gap.toMillis() / 1000.0)));
        context.report(report.toString());
        assertThat(net).as("clients that went more than %d s without a success apart from the outage (%s):\n%s\n%s", seconds,
                outage, report, table).allSatisfy((client, gap) -> assertThat(gap).as(client).isLessThanOrEqualTo(Duration.ofSeconds(seconds)));
        assertThat(clientLoad.figures).as("clients that never succeeded:\n%s", table)
                .allSatisfy(f -> assertThat(f.successes()).as(f.client()).isPositive());
    }

    @Then("every transaction the kill left prepared on that worker is finished by Citus's own two-phase-commit recovery within {int} seconds of the worker accepting queries again, and the report shows how many it held when first read")
    public void everyPreparedTransactionIsFinished(int seconds) {
        Instant accepting = moves.killedAcceptsQueries;
        if (accepting == null) {
            throw new IllegalStateException("no node was started again after a kill in this scenario");
        }
        List<String> left = moves.preparedByTheKill;
        String key = OperationRuns.figureKey(context) + ".prepared-left-by-the-kill";
        Figures.record(key, String.valueOf(left.size()));
        if (left.isEmpty()) {
            context.report(moves.killed + " held no transaction prepared before the kill when first read: no write was cut off"
                    + " between PREPARE and COMMIT PREPARED this time");
            return;
        }
        PreparedTransactions.Wait wait = PreparedTransactions.awaitFinished(context.cluster().endpoint(moves.killed), left,
                accepting.plusSeconds(seconds));
        double after = Duration.between(accepting, wait.lastLook()).toMillis() / 1000.0;
        String when = String.format(Locale.ROOT, "%.1f s after it accepted queries again", after);
        if (!wait.finished()) {
            throw new AssertionError(moves.killed + " still held " + wait.stillHeld().size() + " of the " + left.size()
                    + " transactions the kill left prepared " + wait.stillHeld() + " " + when + " (the bound: " + seconds + " s):"
                    + " the rows of those its coordinator committed stay invisible there, to every read served by that copy");
        }
        if (after > seconds) {
            throw new AssertionError("Citus's recovery finished the " + left.size() + " transactions the kill left prepared on "
                    + moves.killed + " " + left + ", but only " + when + " (the bound: " + seconds + " s)");
        }
        Figures.record(key + "-finished-seconds", String.format(Locale.ROOT, "%.1f", after));
        context.report("the kill of " + moves.killed + " left " + left.size() + " transaction(s) prepared on it " + left
                + "; Citus's recovery had finished them " + when
                + " (a prepared transaction's rows are visible to no reader until it is committed)");
    }
}
