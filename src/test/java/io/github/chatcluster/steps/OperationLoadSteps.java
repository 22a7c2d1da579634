package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatMaintenance;
import io.github.chatcluster.app.SteadyLoad;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.SpareWorker;
import io.github.chatcluster.operations.ExtraNodes;
import io.github.chatcluster.report.ClientsSeen;
import io.github.chatcluster.report.Figures;

/**
 * The clients that write and read while an operation runs (started by a Given, stopped by a When, judged by a Then),
 * and the end of an operations scenario: the clients stopped, the bulk messages deleted, the spare worker removed.
 */
public class OperationLoadSteps {

    private static final String BULK_BODY = "bulk message";

    private final ScenarioContext context;
    private final ClientLoad clientLoad;
    private final RebalanceJob rebalance;

    public OperationLoadSteps(ScenarioContext context, ClientLoad clientLoad, RebalanceJob rebalance) {
        this.context = context;
        this.clientLoad = clientLoad;
        this.rebalance = rebalance;
    }

    @Given("clients write and read through coordinator-1, coordinator-2 and the load balancer")
    public void clientsWriteAndRead() {
        ChatCluster cluster = context.cluster();
        clientLoad.load = SteadyLoad.start(cluster.entryPoints(),
                context.rooms(), context.acks());
    }

    @When("the clients stop")
    public void theClientsStop() {
        assertThat(clientLoad.load).as("clients that were started by this scenario").isNotNull();
        clientLoad.figures = clientLoad.load.stop();
        context.report("the clients wrote and read for " + Figures.seconds(clientLoad.load.elapsed()) + " s");
        context.attachText("what each client saw", ClientsSeen.table(clientLoad.figures));
    }

    @Then("no client went more than {int} seconds without a success, and the report shows what each client saw")
    public void noClientWentLongWithoutSuccess(int seconds) {
        List<SteadyLoad.ClientFigures> figures = clientLoad.figures;
        String table = recordWhatTheClientsSaw();
        assertThat(figures).as("what the clients saw (did they stop?)").isNotEmpty();
        assertThat(figures).as("clients that went more than %d s without a success:\n%s", seconds, table)
                .allSatisfy(f -> assertThat(f.longestGap()).as(f.client()).isLessThanOrEqualTo(Duration.ofSeconds(seconds)));
        assertThat(figures).as("clients that never succeeded:\n%s", table).allSatisfy(f -> assertThat(f.successes()).as(f.client()).isPositive());
    }

    /** Records each client's figures and reports the writes' summary; returns the table of what each client saw. */
    private String recordWhatTheClientsSaw() {
        String table = ClientsSeen.record(OperationRuns.figureKey(context), clientLoad.figures);
        context.report(context.acks().summary());
        return table;
    }

    /**
     * Judged right after the rebalance onto worker-5, with the clients still at work: the copies worker-5 took once the
     * wait for the rebalance ended (none when its job never ran), and the longest time a client has gone without a
     * success since the clients began.
     */
    @Then("the demo's claim of a {string} {statedVerdict}: worker-5 took its share of the shard copies, and no client has gone more than {int} seconds without a success")
    public void theScaleOutClaim(String words, io.github.chatcluster.report.Verdict stated, int seconds) {
        SteadyLoad load = clientLoad.load().orElseThrow(() -> new IllegalStateException("no clients were started in this scenario"));
        Duration longest = load.longestGapSoFar();
        assertThat(rebalance.layoutAfterSpreading).as("the layout after the wait for the rebalance onto worker-5").isNotNull();
        java.util.Map<String, Integer> perNode = rebalance.layoutAfterSpreading.copiesPerNode(List.of());
        var judgement = io.github.chatcluster.report.ScaleOutVerdict.judge(perNode.getOrDefault(SpareWorker.NAME, 0),
                perNode.values().stream().mapToInt(Integer::intValue).sum(),
                ChatCluster.WORKERS.size() + 1, longest, Duration.ofSeconds(seconds));
        context.claimAsStated(io.github.chatcluster.report.SeedClaim.withWords(words), stated,
                io.github.chatcluster.report.Verdict.of(judgement.held()), "worker-5 joined while clients"
                + " wrote and read through both coordinators and the load balancer, and a rebalance with block_writes was started"
                + " (its job as last seen: " + rebalance.last + "): " + judgement.why());
    }

    @Given("the first room holds {int} more messages, so that copying its shards takes seconds")
    public void theFirstRoomHoldsBulkMessages(int count) {
        long room = context.rooms().get(0);
        long sender = context.acks().membersOf(room).get(0);
        ChatMaintenance.through(context.cluster().coordinator1()).addBulkMessages(room, sender, BULK_BODY, count);
        clientLoad.bulkRoom = room;
    }

    /** Runs after the scenario's faults were ended and before the cluster is given back: the clients stop, the bulk goes, worker-5 leaves. */
    @After(value = "@operations", order = 1)
    public void endTheOperationsScenario() {
        if (!context.hasCluster()) {
            return;
        }
        clientLoad.load().ifPresent(SteadyLoad::close);
        ChatCluster cluster = context.cluster();
        boolean spare = cluster.spareWorker().filter(SpareWorker::isProvided).isPresent();
        if (clientLoad.bulkRoom < 0 && !spare) {
            return;
        }
        try {
            cluster.databaseNodes().forEach(node -> cluster.awaitAcceptingQueries(node, Duration.ofSeconds(30)));
            if (clientLoad.bulkRoom >= 0) {
                ChatMaintenance.through(cluster.coordinator1()).removeBulkMessages(clientLoad.bulkRoom, BULK_BODY);
            }
            if (spare) {
                if (ExtraNodes.inTheMetadata(cluster, SpareWorker.NAME)) {
                    context.report(ExtraNodes.remove(cluster, SpareWorker.NAME));
                }
                cluster.spareWorker().get().release();
            }
        } catch (RuntimeException e) {
            context.report("could not end the operations scenario cleanly (" + e.getMessage()
                    + "); the check before the next scenario repairs what is left");
        }
    }
}
