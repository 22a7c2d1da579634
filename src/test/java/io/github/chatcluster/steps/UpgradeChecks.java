package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.github.chatcluster.app.ClientTimeline;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.health.HealthyBaseline;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.upgrade.CitusRelease;
import io.github.chatcluster.upgrade.ExpectedOutcomes;
import io.github.chatcluster.upgrade.NodeVersions;
import io.github.chatcluster.upgrade.RollingUpgrade;
import io.github.chatcluster.upgrade.UpgradeImages;

/** What the upgrade feature states, read from the cluster and the clients' timelines: these steps never write. */
public class UpgradeChecks {

    private final ScenarioContext context;
    private final UpgradeContext upgrade;
    private final ClientLoad clientLoad;

    public UpgradeChecks(ScenarioContext context, UpgradeContext upgrade, ClientLoad clientLoad) {
        this.context = context;
        this.upgrade = upgrade;
        this.clientLoad = clientLoad;
    }

    private String versionTable(Map<String, NodeVersions.Version> versions) {
        StringBuilder table = new StringBuilder();
        versions.values().forEach(v -> table.append(v).append('\n'));
        return table.toString();
    }

    private void nodesRun(List<String> nodes, CitusRelease release, String what) {
        Map<String, NodeVersions.Version> versions = NodeVersions.of(context.cluster());
        String table = versionTable(versions);
        context.report(table);
        assertThat(nodes).as("%s: the nodes that do not run %s:\n%s", what, release, table)
                .allSatisfy(node -> assertThat(versions.get(node).runs(release)).as(node).isTrue());
    }

    @Given("every node of the cluster runs the old release")
    public void everyNodeRunsTheOldRelease() {
        nodesRun(context.cluster().databaseNodes(), UpgradeImages.checked().from(), "before the upgrade");
    }

    @Then("every worker runs the new release, and both coordinators still run the old one")
    public void workersNewCoordinatorsOld() {
        nodesRun(ChatCluster.WORKERS, UpgradeImages.checked().to(), "the workers");
        nodesRun(List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2), UpgradeImages.checked().from(), "the coordinators");
    }

    @Then("every node runs the new release: its binaries, its installed extension and citus_version\\() alike")
    public void everyNodeRunsTheNewRelease() {
        CitusRelease to = UpgradeImages.checked().to();
        nodesRun(context.cluster().databaseNodes(), to, "after the upgrade");
        Map<String, NodeVersions.Version> versions = NodeVersions.of(context.cluster());
        assertThat(versions.values()).as("citus_version() on every node").allSatisfy(v ->
                assertThat(v.citusVersion()).as(v.node()).startsWith("Citus " + to.citusVersion() + "."));
    }

    @Then("the requests went as follows:")
    public void theRequestsWentAsFollows(DataTable table) {
        assertThat(upgrade.lastProbe).as("the requests tried (did a step try them?)").isNotNull();
        List<ExpectedOutcomes.Expected> expected = table.asMaps().stream().map(row -> new ExpectedOutcomes.Expected(
                row.get("request"), ExpectedOutcomes.Kind.named(row.get("outcome")), row.get("error contains") == null ? "" : row.get("error contains")))
                .toList();
        List<String> differences = ExpectedOutcomes.differences(expected, upgrade.lastProbe);
        assertThat(differences).as("what the cluster did that the feature does not state").isEmpty();
    }

    @Then("during each part of the upgrade, from a node's restart to the next one's, no client went more than {int} seconds without a success, not counting the time the restarted node's container took to stop and to accept queries again, and the report shows what each client saw in each")
    public void duringEachRestart(int seconds) {
        List<String> tooLong = windowTable(Duration.ofSeconds(seconds));
        assertThat(tooLong).as("clients that went more than %d s without a success during a node's restart, beyond the time the node"
                + " was down (see the report)", seconds).isEmpty();
    }

    /** What each client saw in each part of the upgrade, in the report and the figures; the clients over the bound. */
    private List<String> windowTable(Duration bound) {
        assertThat(clientLoad.figures).as("what the clients saw (did they stop?)").isNotEmpty();
        Map<String, ClientTimeline> timelines = clientLoad.load().orElseThrow().timelines();
        RollingUpgrade rolling = upgrade.upgrade;
        StringBuilder table = new StringBuilder();
        List<String> tooLong = new ArrayList<>();
        String key = UpgradeContext.figureKey(context);
        java.time.Instant stopped = clientLoad.load().orElseThrow().stoppedAt().orElseThrow();
        // a gap can span several parts (a writer whose room has copies on two workers restarted one after the other):
        // every node's time down is left out of it, not only the part's own
        List<ClientTimeline.Interval> downtimes = rolling.restarts().stream().map(r -> new ClientTimeline.Interval(r.began(), r.ended())).toList();
        for (RollingUpgrade.Window window : rolling.windowsUntil(stopped)) {
            table.append(String.format(java.util.Locale.ROOT, "%s, and until the next part began (%.1f s)%n", window.label(),
                    Duration.between(window.from(), window.to()).toMillis() / 1000.0));
            java.util.Optional<RollingUpgrade.Action> restart = rolling.restartIn(window);
            restart.ifPresent(r -> table.append(String.format(java.util.Locale.ROOT, "  the node was down (stop to accepting queries) for %.1f s%n",
                    r.took().toMillis() / 1000.0)));
            table.append("  ").append(ClientTimeline.Window.header()).append("  beyond the restart\n");
            for (var client : timelines.entrySet()) {
                ClientTimeline.Window seen = client.getValue().within(window.from(), window.to());
                Duration beyond = client.getValue().longestGapNotCounting(window.from(), window.to(), downtimes);
                table.append("  ").append(seen.row(client.getKey())).append(String.format(java.util.Locale.ROOT, "  %8.2f s%n",
                        beyond.toMillis() / 1000.0));
                if (!seen.errors().isEmpty()) {
                    table.append("      errors: ").append(seen.topErrors(2)).append('\n');
                }
                String figure = key + "." + Figures.key(window.label()) + "." + Figures.key(client.getKey());
                Figures.record(figure + ".longest-gap-seconds", Figures.seconds(seen.longestGap()));
                Figures.record(figure + ".longest-gap-beyond-the-restart-seconds", Figures.seconds(beyond));
                Figures.record(figure + ".failed-attempts", String.valueOf(seen.failedAttempts()));
                Figures.record(figure + ".refused", String.valueOf(seen.refused()));
                if (beyond.compareTo(bound) > 0) {
                    tooLong.add(window.label() + ", " + client.getKey() + ": " + Figures.seconds(beyond) + " s beyond the restart ("
                            + Figures.seconds(seen.longestGap()) + " s in all)");
                }
            }
        }
        context.attachText("what each client saw during each node's restart", table.toString());
        context.report(table.toString());
        return tooLong;
    }

    @Then("while the extensions lagged behind the binaries every writer met {string}, and after the upgrade was finished every client succeeded again")
    public void writesRefusedWhileExtensionsLagged(String error) {
        Map<String, ClientTimeline> timelines = clientLoad.load().orElseThrow().timelines();
        RollingUpgrade rolling = upgrade.upgrade;
        java.time.Instant finished = rolling.finished().orElseThrow(() -> new AssertionError("the upgrade was not finished"));
        java.time.Instant firstRestart = rolling.actions().get(0).ended(); // the first node runs the new binaries
        windowTable(Duration.ofDays(1));
        List<String> wrong = new ArrayList<>();
        timelines.forEach((client, timeline) -> {
            ClientTimeline.Window during = timeline.within(firstRestart, finished);
            ClientTimeline.Window after = timeline.within(finished, clientLoad.load().orElseThrow().stoppedAt().orElseThrow());
            long refusedWithIt = during.errors().entrySet().stream().filter(e -> e.getKey().contains(error)).mapToLong(Map.Entry::getValue).sum();
            context.report(String.format(java.util.Locale.ROOT, "%s: during the upgrade %d failed attempts (%d with '%s'), %d given up,"
                    + " longest gap %.1f s; after it %d successes", client, during.failedAttempts(), refusedWithIt, error,
                    during.refused(), during.longestGap().toMillis() / 1000.0, after.successes()));
            if (client.startsWith("writer") && refusedWithIt == 0) {
                wrong.add(client + " met no '" + error + "' during the upgrade: " + during.topErrors(3));
            }
            if (after.successes() == 0) {
                wrong.add(client + " did not succeed after the upgrade was finished");
            }
        });
        assertThat(wrong).as("what the clients saw that the sentence does not say").isEmpty();
    }

    @Then("after the upgrade was finished every client succeeded again")
    public void everyClientSucceededAgain() {
        java.time.Instant finished = upgrade.upgrade.finished().orElseThrow(() -> new AssertionError("the upgrade was not finished"));
        java.time.Instant stopped = clientLoad.load().orElseThrow().stoppedAt().orElseThrow();
        List<String> none = new ArrayList<>();
        clientLoad.load().orElseThrow().timelines().forEach((client, timeline) -> {
            ClientTimeline.Window after = timeline.within(finished, stopped);
            context.report(client + ": " + after.successes() + " successes after the upgrade was finished");
            if (after.successes() == 0) {
                none.add(client + " (" + after.failedAttempts() + " failed attempts: " + after.topErrors(2) + ")");
            }
        });
        assertThat(none).as("clients with no success between the end of the upgrade and their stop").isEmpty();
    }

    /**
     * Looks, again and again, until the check finds nothing wrong, from the end of the upgrade for at most the bound: nginx
     * takes a restarted coordinator back only after its fail_timeout (10 s), so right after the upgrade the check can
     * find the load balancer reaching one coordinator.
     */
    @Then("within {int} seconds of the end of the upgrade the cluster passes the check every scenario starts with")
    public void theClusterPassesTheCheck(int seconds) {
        java.time.Instant finished = upgrade.upgrade.finished().orElseThrow(() -> new AssertionError("the upgrade was not finished"));
        java.time.Instant deadline = finished.plusSeconds(seconds);
        HealthyBaseline check = new HealthyBaseline(context.cluster());
        Duration left = Duration.between(java.time.Instant.now(), deadline);
        if (!left.isNegative()) {
            try {
                org.awaitility.Awaitility.await("the check finding nothing wrong").atMost(left.plusMillis(1))
                        .pollInterval(Duration.ofMillis(500)).pollInSameThread().until(() -> check.problems().isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the check's findings below say what is still wrong
            }
        }
        List<String> problems = check.problems();
        context.report(String.format(java.util.Locale.ROOT, "the check found nothing wrong %.1f s after the end of the upgrade",
                Duration.between(finished, java.time.Instant.now()).toMillis() / 1000.0));
        assertThat(problems).as("what the check every scenario starts with still finds wrong %d s after the end of the upgrade", seconds).isEmpty();
    }
}
