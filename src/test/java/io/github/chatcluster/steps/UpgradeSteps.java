package io.github.chatcluster.steps;

import java.util.List;
import java.util.stream.Stream;

import io.cucumber.java.After;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.SteadyLoad;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.upgrade.RequestProbe;
import io.github.chatcluster.upgrade.RollingUpgrade;
import io.github.chatcluster.upgrade.UpgradeImages;

/** The operator's side of a rolling upgrade: nodes started again from the new release, extensions updated, the end. */
public class UpgradeSteps {

    private final ScenarioContext context;
    private final UpgradeContext upgrade;
    private final ClientLoad clientLoad;

    public UpgradeSteps(ScenarioContext context, UpgradeContext upgrade, ClientLoad clientLoad) {
        this.context = context;
        this.upgrade = upgrade;
        this.clientLoad = clientLoad;
    }

    private RollingUpgrade upgrade() {
        if (upgrade.upgrade == null) {
            upgrade.upgrade = new RollingUpgrade(context.cluster(), UpgradeImages.checked());
            context.report("upgrading from " + upgrade.upgrade.pair());
        }
        return upgrade.upgrade;
    }

    @When("each worker in turn is started again from the new release and its extension updated right after")
    public void eachWorkerRestartedAndUpdated() {
        ChatCluster.WORKERS.forEach(worker -> upgrade().restart(worker, true));
        context.report(upgrade().log());
    }

    @When("{node} is started again from the new release and its extension updated right after")
    public void nodeRestartedAndUpdated(Node node) {
        upgrade().restart(node.name(), true);
        context.report(upgrade().log());
    }

    @When("each worker in turn is started again from the new release, no extension updated")
    public void eachWorkerRestartedWithoutUpdates() {
        ChatCluster.WORKERS.forEach(worker -> upgrade().restart(worker, false));
        context.report(upgrade().log());
    }

    @When("coordinator-2, then coordinator-1 is started again from the new release, no extension updated")
    public void bothCoordinatorsRestartedWithoutUpdates() {
        List.of(ChatCluster.COORDINATOR_2, ChatCluster.COORDINATOR_1).forEach(node -> upgrade().restart(node, false));
        context.report(upgrade().log());
    }

    @When("the extension is updated on each worker in turn, then on coordinator-2, then on coordinator-1")
    public void everyExtensionUpdated() {
        upgrade().updateEveryExtension(upgradeOrder());
        context.report(upgrade().log());
    }

    @When("the upgrade is finished on coordinator-1")
    public void theUpgradeIsFinished() {
        upgrade().finish();
        context.report(upgrade().log());
        context.attachText("the upgrade, action by action", upgrade().log());
    }

    @When("the clients go on until each has succeeded once after the end of the upgrade, for at most {int} seconds")
    public void theClientsGoOnAfterTheUpgrade(int seconds) {
        java.time.Instant finished = upgrade().finished().orElseThrow(() -> new IllegalStateException("the upgrade was not finished"));
        var load = clientLoad.load().orElseThrow(() -> new IllegalStateException("no clients were started"));
        try {
            org.awaitility.Awaitility.await("every client succeeding after the upgrade").atMost(java.time.Duration.ofSeconds(seconds))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> load.timelines().values().stream().allMatch(t -> t.within(finished, java.time.Instant.now()).successes() > 0));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            context.report("not every client succeeded within " + seconds + " s after the upgrade: the Then step says which");
        }
    }

    @When("each kind of request is tried once")
    public void eachKindOfRequestIsTriedOnce() {
        RequestProbe probe = new RequestProbe(context.cluster(), context.acks(), context.rooms());
        upgrade.lastProbe = probe.tryEach();
        upgrade.probes++;
        StringBuilder text = new StringBuilder();
        probe.outcomes().forEach(o -> text.append(o).append('\n'));
        context.attachText("requests tried, state " + upgrade.probes, text.toString());
        context.report(text.toString());
    }

    private static List<String> upgradeOrder() {
        return Stream.concat(ChatCluster.WORKERS.stream(), Stream.of(ChatCluster.COORDINATOR_2, ChatCluster.COORDINATOR_1)).toList();
    }

    /** The clients stop if the scenario ended before they did; the cluster itself is removed with the scenario. */
    @After(value = "@upgrade", order = 1)
    public void endTheUpgradeScenario() {
        clientLoad.load().ifPresent(SteadyLoad::close);
    }
}
