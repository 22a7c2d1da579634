package io.github.chatcluster.steps;


import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.github.chatcluster.health.HealthyBaseline;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.catalog.ClusterShape;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.embedded.Images;
import io.github.chatcluster.cluster.embedded.SingleNodeStart;
import io.github.chatcluster.report.Figures;

public class TopologySteps {

    private final ScenarioContext context;
    /** The coordinator each connection of this scenario landed on. */
    private final List<String> landedOn = new java.util.ArrayList<>();
    private List<CitusCatalog.NodeHealth> nodeHealth = List.of();
    private SingleNodeStart singleNode;

    public TopologySteps(ScenarioContext context) {
        this.context = context;
    }

    private ClusterShape shape() {
        return new ClusterShape(context.cluster());
    }

    @Given("the chat cluster is running and was checked healthy before this scenario")
    public void theChatClusterIsRunningAndHealthy() {
        HealthyBaseline.Outcome baseline = context.baseline();
        assertThat(baseline).as("the check of the cluster before this scenario (did the hook run?)").isNotNull();
        context.report("what the check before this scenario found: " + (baseline.wasHealthy() ? "nothing wrong"
                : baseline.found() + "; repaired: " + baseline.repairs()) + String.format(java.util.Locale.ROOT,
                " (%.1f s)", baseline.took().toMillis() / 1000.0));
        assertThat(baseline.leftAfter()).as("what the check before this scenario left wrong").isEmpty();
    }

    @Then("the cluster has exactly these active nodes:")
    public void theClusterHasExactlyTheseActiveNodes(DataTable expected) {
        expected.diff(DataTable.create(shape().nodeTable()));
    }

    @Then("no shard of any table is stored on a coordinator")
    public void noShardIsStoredOnACoordinator() {
        assertThat(CitusCatalog.through(context.cluster().coordinator1()).allPlacements())
                .as("placements on a coordinator")
                .noneMatch(p -> p.node().equals(ChatCluster.COORDINATOR_1) || p.node().equals(ChatCluster.COORDINATOR_2));
    }

    @Then("every node reports that the metadata is synced to all {int} nodes")
    public void everyNodeReportsMetadataSynced(int count) {
        shape().nodeListOnEachNode().forEach((name, seen) -> assertThat(seen).as("pg_dist_node on %s", name).hasSize(count)
                .allSatisfy(n -> assertThat(n.hasMetadata() && n.metadataSynced()).as("%s sees metadata synced to %s", name, n.name()).isTrue()));
    }

    @Then("every node lists the same {int} nodes as coordinator-1 does")
    public void everyNodeListsTheSameNodes(int count) {
        var seen = shape().nodeListOnEachNode();
        assertThat(seen.get(ChatCluster.COORDINATOR_1)).as("pg_dist_node on coordinator-1").hasSize(count);
        seen.forEach((name, nodes) -> assertThat(nodes).as("pg_dist_node on %s", name).isEqualTo(seen.get(ChatCluster.COORDINATOR_1)));
    }

    @When("each node checks its connection to each node")
    public void eachNodeChecksItsConnections() {
        nodeHealth = CitusCatalog.through(context.cluster().coordinator1()).nodeHealth();
    }

    @Then("all {int} node-to-node connections are healthy")
    public void allConnectionsAreHealthy(int count) {
        assertThat(nodeHealth).hasSize(count)
                .allSatisfy(h -> assertThat(h.healthy()).as("%s -> %s", h.from(), h.to()).isTrue());
    }

    @When("a client opens {int} connections through the load balancer")
    public void aClientOpensConnectionsThroughTheLoadBalancer(int count) throws SQLException {
        // nginx skips a coordinator for 10 s after a failed connection to it: start from both in rotation.
        context.cluster().awaitLoadBalancerRoutesTo(ChatCluster.COORDINATOR_1);
        context.cluster().awaitLoadBalancerRoutesTo(ChatCluster.COORDINATOR_2);
        for (int i = 0; i < count; i++) {
            landedOn.add(context.cluster().loadBalancer().landsOn());
        }
        context.report("sessions landed on: " + landedOn);
    }

    @Then("every connection lands on coordinator-1 or coordinator-2")
    public void everyConnectionLandsOnACoordinator() {
        assertThat(landedOn).isNotEmpty().allMatch(List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)::contains);
    }

    @Then("the connections land on both coordinators")
    public void theConnectionsLandOnBothCoordinators() {
        assertThat(landedOn).contains(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2);
    }

    @Then("these tables are distributed by hash of these columns:")
    public void theseTablesAreDistributedBy(DataTable expected) {
        List<List<String>> actual = shape().distributionTable(expected.column(0).subList(1, expected.height()));
        actual.subList(1, actual.size()).forEach(row -> assertThat(row.get(2)).as("distribution method of %s (h = hash; %s)",
                row.get(0), row.get(1)).isEqualTo("h"));
        expected.diff(DataTable.create(actual.stream().map(row -> row.subList(0, 2)).toList()));
    }

    @Then("every shard of every chat table is stored on exactly {int} different workers")
    public void everyShardIsStoredOnDifferentWorkers(int copies) {
        DataPlacement placement = new DataPlacement(context.cluster());
        ChatTables.NAMES.forEach(table -> PlacementChecks.assertCopiesOnDistinctWorkers(table, placement.nodesByShard(table), copies));
    }

    @When("one more Citus node of the same image is started alone and timed")
    public void oneMoreNodeIsStartedAlone() {
        singleNode = SingleNodeStart.measure(Images.citus());
    }

    @Then("that node runs Citus")
    public void thatNodeRunsCitus() {
        assertThat(singleNode.citusVersion()).startsWith("Citus ");
    }

    @Then("the report shows the time to a ready cluster next to the time of that one node")
    public void theReportShowsStartUpTimes() {
        double cluster = context.cluster().timings().toReady().toMillis() / 1000.0;
        double single = singleNode.seconds();
        double sinceJvmStart = context.cluster().timings().sinceJvmStart().toMillis() / 1000.0;
        String sinceBuild = context.cluster().timings().sinceBuildStart()
                .map(d -> String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0)).orElse("unknown");
        assertThat(single).isPositive();
        context.report(context.cluster().timings().summary());
        context.report(String.format(java.util.Locale.ROOT, "ready cluster %.1f s after its start (%.1f s after the test JVM started, %s s "
                + "after mvn verify started); one node alone %.1f s; ratio %.1f", cluster, sinceJvmStart, sinceBuild,
                single, cluster / single));
        var readyTimes = io.github.chatcluster.cluster.ClusterHolder.readyTimes();
        Duration slowest = readyTimes.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        context.report(String.format(java.util.Locale.ROOT, "%d cluster(s) of this run, started at the same time: each ready after %s;"
                + " the slowest %.1f s, next to %.1f s for one node alone", readyTimes.size(),
                readyTimes.entrySet().stream().map(e -> e.getKey() + " " + Figures.seconds(e.getValue()) + " s").toList(),
                slowest.toMillis() / 1000.0, single));
        Figures.record("clusters.ready-seconds-slowest-of-" + readyTimes.size(), Figures.seconds(slowest));
        Figures.record("cluster.ready-seconds-since-jvm-start", String.format(java.util.Locale.ROOT, "%.1f", sinceJvmStart));
        Figures.record("cluster.ready-seconds-since-mvn-verify-start", sinceBuild);
        Figures.record("single-node.start-seconds", String.format(java.util.Locale.ROOT, "%.1f", single));
        Figures.record("cluster.ready-over-single-node", String.format(java.util.Locale.ROOT, "%.1f", cluster / single));
    }

    @Then("the cluster was ready within {int} seconds of its start")
    public void theClusterWasReadyWithin(int seconds) {
        assertThat(context.cluster().timings().toReady()).as("time to a ready cluster")
                .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @Then("the chat tables share one co-location group")
    public void theChatTablesShareOneColocationGroup() {
        Map<String, Integer> colocation = shape().chatTableColocationIds();
        assertThat(colocation.keySet()).as("distributed chat tables").containsExactlyInAnyOrderElementsOf(ChatTables.NAMES);
        assertThat(new java.util.HashSet<>(colocation.values())).as("co-location groups of the chat tables %s", colocation).hasSize(1);
    }

    @Then("each coordinator receives at least {int} of the {int} connections")
    public void eachCoordinatorReceivesAtLeast(int atLeast, int total) {
        assertThat(landedOn).hasSize(total);
        for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
            assertThat(landedOn.stream().filter(coordinator::equals).count())
                    .as("connections that landed on %s", coordinator).isGreaterThanOrEqualTo(atLeast);
        }
    }
}
