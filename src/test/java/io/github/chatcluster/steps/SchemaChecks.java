package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.github.chatcluster.app.Reactions;
import io.github.chatcluster.app.SteadyLoad;
import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.catalog.SchemaShape;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.health.HealthyBaseline;
import io.github.chatcluster.report.SchemaChangesSeen;
import io.github.chatcluster.schema.SchemaChange;
import io.github.chatcluster.schema.SchemaView;

/** What a schema scenario looks at: how each change ended, what each node's catalog shows, what clients saw and the check finds. */
public class SchemaChecks {

    private static final List<String> COORDINATORS = List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2);

    private final ScenarioContext context;
    private final SchemaWork work;
    private final ClientLoad clientLoad;

    public SchemaChecks(ScenarioContext context, SchemaWork work, ClientLoad clientLoad) {
        this.context = context;
        this.work = work;
        this.clientLoad = clientLoad;
    }

    @Then("it succeeded")
    public void itSucceeded() {
        SchemaChange c = work.last();
        assertThat(c.succeeded()).as(c.summary()).isTrue();
    }

    @Then("it was refused with SQLSTATE {word}")
    public void itWasRefused(String sqlState) {
        SchemaChange c = work.last();
        assertThat(c.sqlState()).as(c.summary()).isEqualTo(sqlState);
    }

    /**
     * How a killed worker shows in coordinator-1's answer is a race: its connection to the worker is lost (08006, naming
     * the worker), or the worker's backend saw its server exit before it was killed itself and said so (57P01, relayed
     * by coordinator-1 as an ERROR: the operator's own session lives on). Run A3 of 5 Dec 2026 met the second, once in 14 runs.
     * The worker's backend words its server's death in one of two ways, both FATAL with 57P01 on the worker: "terminating
     * connection due to unexpected postmaster exit" (postgres.c), or, while it leads the index build's parallel workers,
     * "postmaster exited during a parallel transaction" (parallel.c; CI's run of 5 Dec 2026 met it). Both say
     * "postmaster exit".
     */
    @Then("it was refused because the worker went away: SQLSTATE 08006 with coordinator-1's error naming the worker that was killed, or 57P01 relayed from that worker's server")
    public void itWasRefusedAsTheKilledWorkerWentAway() {
        assertThat(work.killedWorker).as("a worker killed by this scenario").isNotNull();
        assertThat(work.last().succeeded()).as(work.last().summary()).isFalse();
        String state = work.last().sqlState();
        String error = String.valueOf(work.last().error());
        if ("57P01".equals(state)) {
            assertThat(error).as(work.last().summary()).startsWith("ERROR:").contains("postmaster exit");
        } else {
            itWasRefused("08006");
            // coordinator-1 answered: its error names its connection to the worker (not the operator's own session lost)
            assertThat(error).as(work.last().summary()).contains("remote node").contains(work.killedWorker);
        }
    }

    @Then("it succeeded after {int} to {int} seconds")
    public void itSucceededAfter(int from, int to) {
        itSucceeded();
        assertThat(work.last().took()).as(work.last().summary()).isBetween(Duration.ofSeconds(from), Duration.ofSeconds(to));
    }

    @Then("it was refused with SQLSTATE {word} after {int} to {int} seconds")
    public void itWasRefusedAfter(String sqlState, int from, int to) {
        itWasRefused(sqlState);
        assertThat(work.last().took()).as(work.last().summary()).isBetween(Duration.ofSeconds(from), Duration.ofSeconds(to));
    }

    @Then("both coordinators show the column {word} of {word}, and a query of it answers through coordinator-1, coordinator-2 and the load balancer")
    public void bothShowTheColumn(String column, String table) {
        SchemaView view = new SchemaView(context.cluster());
        for (String coordinator : COORDINATORS) {
            assertThat(view.columns(coordinator, table)).as("the columns of %s on %s", table, coordinator).contains(column);
        }
        answersEverywhere(table + "." + column, entry -> SchemaView.tryReadingColumn(entry, table, column));
    }

    @Then("neither coordinator shows the column {word} of {word}")
    public void neitherShowsTheColumn(String column, String table) {
        SchemaView view = new SchemaView(context.cluster());
        for (String coordinator : COORDINATORS) {
            assertThat(view.columns(coordinator, table)).as("the columns of %s on %s", table, coordinator).isNotEmpty().doesNotContain(column);
        }
    }

    @Then("this query answers through coordinator-1, coordinator-2 and the load balancer:")
    public void thisQueryAnswers(String query) {
        answersEverywhere(query.strip(), entry -> SchemaView.tryQuery(entry, query.strip()));
    }

    /** The attempt answers through coordinator-1, coordinator-2 and the load balancer (each one's answer in the message). */
    private void answersEverywhere(String what, java.util.function.Function<Endpoint, String> attempt) {
        ChatCluster cluster = context.cluster();
        Map<String, String> answers = new LinkedHashMap<>();
        for (Endpoint entry : cluster.entryPoints()) {
            answers.put(entry.name(), attempt.apply(entry));
        }
        assertThat(answers).as("%s, through each entry point", what).allSatisfy((entry, answer) -> assertThat(answer).isEqualTo("answers"));
    }

    @Then("the index {word} is valid on both coordinators and on both copies of every shard of {word}")
    public void theIndexIsValidEverywhere(String index, String table) {
        ChatCluster cluster = context.cluster();
        SchemaView view = new SchemaView(cluster);
        for (String coordinator : COORDINATORS) {
            assertThat(view.indexes(coordinator, index)).as("the index %s on %s", index, coordinator).containsExactly(Map.entry(index, true));
        }
        Map<Long, List<String>> byShard = CitusCatalog.through(cluster.coordinator1()).nodesByShard(table);
        Map<String, Map<String, Boolean>> byWorker = new LinkedHashMap<>();
        byShard.values().stream().flatMap(List::stream).distinct().forEach(w -> byWorker.put(w, view.indexes(w, index)));
        byShard.forEach((shard, workers) -> {
            assertThat(workers).as("the copies of shard %d", shard).hasSize(2);
            workers.forEach(w -> assertThat(byWorker.get(w)).as("the index of shard %d on %s", shard, w).containsEntry(index + "_" + shard, true));
        });
        context.report("the index " + index + " is valid on both coordinators and on both copies of each of the " + byShard.size()
                + " shards of " + table);
    }

    @Then("no node holds the index {word}")
    public void noNodeHoldsTheIndex(String index) {
        SchemaView view = new SchemaView(context.cluster());
        for (String node : context.cluster().databaseNodes()) {
            assertThat(view.indexes(node, index)).as("the index %s or its shards' on %s", index, node).isEmpty();
        }
    }

    @Then("the index {word} is left invalid on coordinator-1, absent on coordinator-2, and invalid on at least one shard of a worker that stayed up")
    public void whatTheInterruptedBuildLeft(String index) {
        ChatCluster cluster = context.cluster();
        SchemaView view = new SchemaView(cluster);
        assertThat(view.indexes(ChatCluster.COORDINATOR_1, index)).as("on coordinator-1").containsExactly(Map.entry(index, false));
        assertThat(view.indexes(ChatCluster.COORDINATOR_2, index)).as("on coordinator-2").isEmpty();
        Map<String, String> onWorkers = new LinkedHashMap<>();
        long invalid = 0;
        for (String worker : ChatCluster.WORKERS) {
            if (!worker.equals(work.killedWorker)) {
                Map<String, Boolean> shards = view.indexes(worker, index);
                long valid = shards.values().stream().filter(v -> v).count();
                invalid += shards.size() - valid;
                onWorkers.put(worker, valid + " valid, " + (shards.size() - valid) + " invalid");
            }
        }
        context.report("what the interrupted build left of " + index + " on the workers that stayed up: " + onWorkers);
        assertThat(invalid).as("invalid shard indexes on the workers that stayed up: %s", onWorkers).isPositive();
    }

    @Then("both coordinators show {word} as distributed by room_id and co-located with rooms")
    public void bothShowItDistributed(String table) {
        SchemaView view = new SchemaView(context.cluster());
        for (String coordinator : COORDINATORS) {
            SchemaShape.Table rooms = view.table(coordinator, SchemaShape.ROOMS).orElseThrow();
            assertThat(view.table(coordinator, table)).as("%s on %s", table, coordinator)
                    .contains(SchemaShape.Table.distributed(table, "room_id", rooms.colocationId()));
        }
    }

    @Then("both coordinators show {word} as a reference table")
    public void bothShowItAsReference(String table) {
        SchemaView view = new SchemaView(context.cluster());
        for (String coordinator : COORDINATORS) {
            assertThat(view.table(coordinator, table)).as("%s on %s", table, coordinator).contains(SchemaShape.Table.reference(table));
        }
    }

    @Then("neither coordinator has the table {word}")
    public void neitherHasTheTable(String table) {
        SchemaView view = new SchemaView(context.cluster());
        for (String coordinator : COORDINATORS) {
            assertThat(view.tables(coordinator)).as("the tables of %s", coordinator).doesNotContain(table);
        }
    }

    @Then("every acknowledged reaction is stored exactly once, read through coordinator-1 and through coordinator-2")
    public void everyReactionStoredOnce() {
        assertThat(work.acknowledgedReactions).as("acknowledged reactions (refused: %s)", work.refusedReactions).isNotEmpty();
        for (Endpoint entry : List.of(context.cluster().coordinator1(), context.cluster().coordinator2())) {
            try (Reactions reactions = Reactions.through(entry)) {
                assertThat(Reactions.notStoredOnce(work.acknowledgedReactions, reactions.storedCounts()))
                        .as("acknowledged reactions not stored exactly once, read through %s", entry).isEmpty();
            }
        }
        context.report(work.acknowledgedReactions.size() + " acknowledged reactions each stored once, read through both coordinators");
    }

    @Then("the check before every scenario, looking at the schema, finds {string}")
    public void theCheckFinds(String problem) {
        List<String> found = new HealthyBaseline(context.cluster()).schemaProblems();
        context.report("the check finds: " + found);
        assertThat(found).as("what the check before every scenario finds").anySatisfy(p -> assertThat(p).contains(problem));
    }

    @Then("the report shows, for each schema change, how long it took, how it ended, and each client's longest time without a success and failed attempts while it ran")
    public void theReportShowsEachChange() {
        SteadyLoad load = clientLoad.load().orElseThrow(() -> new AssertionError("no clients were started"));
        String table = SchemaChangesSeen.table(context.scenarioName(), work.changes, load.timelines());
        context.attachText("what each client saw during each schema change", table);
        context.report(table);
    }

    @Then("while it waited, every client went at least {int} seconds without a success")
    public void everyClientWaited(int seconds) {
        SteadyLoad load = clientLoad.load().orElseThrow(() -> new AssertionError("no clients were started"));
        Map<String, Duration> gaps = SchemaChangesSeen.longestGaps(work.last(), load.timelines());
        context.report("each client's longest time without a success while the change waited: " + gaps);
        assertThat(gaps).as("each client's longest time without a success during %s", work.last().summary())
                .allSatisfy((client, gap) -> assertThat(gap).as(client).isGreaterThanOrEqualTo(Duration.ofSeconds(seconds)));
    }
}
