package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.InDoubtWrites;
import io.github.chatcluster.app.OutcomeTally;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.Endpoint;

/**
 * What became of a scenario's writes: resolving the ones in doubt (a client's action, so a When step), then reading
 * back every acknowledged and every resolved write, each counted on its own (Then steps that only read).
 */
public class StoredWritesSteps {

    private final ScenarioContext context;

    public StoredWritesSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("the clients write every write still in doubt again, with the same id, through the load balancer")
    public void theClientsResolveInDoubtWrites() {
        InDoubtWrites.Resolution resolution = context.acks().inDoubt()
                .resolve(context.cluster().loadBalancer(), Duration.ofSeconds(30), context.acks());
        context.report(resolution.toString());
        assertThat(context.acks().inDoubt().size()).as("messages still in doubt after they were written again").isZero();
    }

    @Then("every acknowledged write is stored exactly once")
    public void everyAcknowledgedWriteIsStoredExactlyOnce() {
        readOnceThrough(List.of(context.cluster().coordinator1(), context.cluster().coordinator2()));
    }

    @Then("every write the clients saw acknowledged is stored exactly once, and none they were told was refused")
    public void everyWriteTheClientsSawAcknowledgedIsStoredOnce() {
        readOnceThrough(List.of(context.cluster().coordinator2(), context.cluster().loadBalancer()));
    }

    private void readOnceThrough(List<Endpoint> entries) {
        for (Endpoint entry : entries) {
            AcknowledgedWrites.assertAllReadOnceThrough(context.cluster(), context.acks(), entry);
        }
        assertThat(ChatInspection.through(entries.get(0)).duplicateMessages()).as("messages stored twice").isEmpty();
        context.report("every acknowledged write was read through " + entries + ", each once, and every write resolved"
                + " after an unknown outcome too: " + context.acks().summary());
        if (context.acks().inDoubt().size() > 0) {
            context.report(context.acks().inDoubt().size() + " writes are still in doubt: each is stored at most once (no duplicate)");
        }
    }

    /**
     * Replicas converged: each shard's two copies, read on their workers, hold the same rows (row count and checksum).
     * A write acknowledged on one copy and not the other, or left prepared on one worker, shows here by its shard.
     */
    @Then("both copies of every shard of every distributed table hold the same rows")
    public void bothCopiesHoldTheSameRows() {
        DataPlacement placement = new DataPlacement(context.cluster());
        List<String> tables = placement.hashDistributedTables();
        Map<String, Map<String, String>> fingerprints = placement.copyFingerprints(tables);
        PlacementChecks.assertBothCopiesIdentical(fingerprints);
        context.report(fingerprints.size() + " shards of " + tables + " compared, copy by copy: both copies of each hold the same rows");
    }

    @Then("both copies of every shard of {word} hold the same rows")
    public void bothCopiesOfTheTableHoldTheSameRows(String table) {
        Map<String, Map<String, String>> fingerprints = new DataPlacement(context.cluster()).copyFingerprints(table);
        PlacementChecks.assertBothCopiesIdentical(fingerprints);
        context.report(fingerprints.size() + " shards of " + table + " compared, copy by copy: both copies of each hold the same rows");
    }

    @Then("the two copies of at least one shard of {word} differ, and only in the column {word}")
    public void theCopiesDifferInTheColumn(String table, String column) {
        DataPlacement placement = new DataPlacement(context.cluster());
        Map<String, Map<String, String>> whole = placement.copyFingerprints(List.of(table));
        long differing = DataPlacement.shardsWhoseCopiesDiffer(whole);
        context.report(differing + " of " + whole.size() + " shards of " + table + " have copies that differ");
        assertThat(differing).as("shards of %s whose two copies differ: %s", table, whole).isPositive();
        PlacementChecks.assertBothCopiesIdentical(placement.copyFingerprints(List.of(table), column));
        context.report("leaving out " + column + ", both copies of every shard of " + table + " hold the same rows");
    }

    @Then("the report shows how many writes had an unknown outcome and how they were resolved")
    public void theReportShowsUnknownOutcomes() {
        OutcomeTally tally = context.acks().tally();
        context.report(context.acks().summary());
        assertThat(context.acks().inDoubt().size()).as("writes still in doubt: %s", context.acks().summary()).isZero();
        assertThat(tally.unknownResolved()).as("writes with an unknown outcome that were resolved (written again with the"
                + " same id and acknowledged): %s", context.acks().summary()).isEqualTo(tally.unknownOutcomes());
    }
}
