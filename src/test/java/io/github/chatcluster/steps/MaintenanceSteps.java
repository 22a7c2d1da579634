package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.ClientTimeline;
import io.github.chatcluster.app.SteadyLoad;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;
import io.github.chatcluster.report.ZeroDowntimeVerdict;

/**
 * Planned maintenance: a coordinator restarted cleanly, as for a configuration change, while clients write and read
 * through the load balancer; what each client saw from the restart's start until the coordinator had recovered its
 * two-phase commits.
 */
public class MaintenanceSteps {

    private record Restart(String node, Instant from, Instant to) {
    }

    private final ScenarioContext context;
    private final ClientLoad clientLoad;
    private final List<Restart> restarts = new ArrayList<>();

    public MaintenanceSteps(ScenarioContext context, ClientLoad clientLoad) {
        this.context = context;
        this.clientLoad = clientLoad;
    }

    @Given("clients write and read through the load balancer")
    public void clientsThroughTheLoadBalancer() {
        clientLoad.load = SteadyLoad.start(List.of(context.cluster().loadBalancer()), context.rooms(), context.acks());
    }

    @When("{node} is restarted cleanly, as for a configuration change, and has recovered its two-phase commits")
    public void restartedCleanly(Node node) {
        restart(node);
    }

    @When("coordinator-1 and coordinator-2 are restarted cleanly in turn, {int} times each, as for a configuration change, each time until it has recovered its two-phase commits")
    public void restartedInTurn(int times) {
        for (int i = 0; i < times; i++) {
            restart(Node.COORDINATOR_1);
            restart(Node.COORDINATOR_2);
        }
    }

    private void restart(Node node) {
        Instant from = Instant.now();
        context.cluster().faults().stop(node.name());
        context.cluster().faults().start(node.name());
        int recovered = ClusterOperations.forRepairs(context.cluster().endpoint(node.name())).recoverTwoPhaseCommits();
        Instant to = Instant.now();
        restarts.add(new Restart(node.name(), from, to));
        context.report(String.format(Locale.ROOT, "%s restarted in %.1f s; it recovered %d two-phase commits", node,
                Duration.between(from, to).toMillis() / 1000.0, recovered));
    }

    @Then("the report shows, for each restart, the write attempts refused, the writes retried to success, the writes given up or unknown and each client's longest time without a success")
    public void theReportShowsEachRestart() {
        assertThat(restarts).as("coordinators restarted in this scenario").isNotEmpty();
        SteadyLoad load = clientLoad.load().orElseThrow(() -> new AssertionError("no clients were started"));
        StringBuilder table = new StringBuilder();
        String key = "maintenance." + Figures.key(context.scenarioName()).toLowerCase(Locale.ROOT);
        for (int i = 0; i < restarts.size(); i++) {
            Restart r = restarts.get(i);
            table.append(String.format(Locale.ROOT, "restart %d: %s (%.1f s), until the next restart began%n  %s   retried to success%n",
                    i + 1, r.node(), Duration.between(r.from(), r.to()).toMillis() / 1000.0, ClientTimeline.Window.header()));
            for (var client : load.timelines().entrySet()) {
                ClientTimeline.Window w = client.getValue().within(r.from(), until(i, load));
                table.append("  ").append(w.row(client.getKey())).append(String.format(Locale.ROOT, " %6d", w.retriedToSuccess()))
                        .append("  errors: ").append(w.topErrors(3)).append('\n');
                String figure = key + ".restart-" + (i + 1) + "-" + Figures.key(r.node()) + "." + Figures.key(client.getKey());
                Figures.record(figure + ".longest-gap-seconds", Figures.seconds(w.longestGap()));
                Figures.record(figure + ".refused-attempts", String.valueOf(w.failedAttempts()));
                Figures.record(figure + ".retried-to-success", String.valueOf(w.retriedToSuccess()));
                Figures.record(figure + ".given-up", String.valueOf(w.refused()));
            }
        }
        context.attachText("what each client saw during each restart", table.toString());
        context.report(table.toString());
    }

    @Then("the demo's claim of {string} {statedVerdict}, judged over every restart: any refused write attempt, or a writer {int} seconds without a success, stops writes")
    public void zeroDowntime(String words, Verdict stated, int seconds) {
        assertThat(restarts).as("coordinators restarted in this scenario").isNotEmpty();
        SteadyLoad load = clientLoad.load().orElseThrow(() -> new AssertionError("no clients were started"));
        List<ZeroDowntimeVerdict.Restart> trials = new ArrayList<>();
        for (int i = 0; i < restarts.size(); i++) {
            Restart r = restarts.get(i);
            int refused = 0;
            int givenUp = 0;
            int unknown = 0;
            Duration longest = Duration.ZERO;
            for (ClientTimeline writer : load.writerTimelines().values()) {
                ClientTimeline.Window w = writer.within(r.from(), until(i, load));
                refused += w.failedAttempts();
                givenUp += w.refused();
                unknown += w.unknown();
                longest = w.longestGap().compareTo(longest) > 0 ? w.longestGap() : longest;
            }
            trials.add(new ZeroDowntimeVerdict.Restart(r.node(), refused, givenUp, unknown, longest));
        }
        ZeroDowntimeVerdict.Judgement j = ZeroDowntimeVerdict.judge(trials, Duration.ofSeconds(seconds));
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "clients writing and reading through the load balancer"
                + " while the coordinators were restarted cleanly in turn: " + j.why());
    }

    /** The end of a restart's trial: the next restart's start, or the clients' stop. */
    private Instant until(int restart, SteadyLoad load) {
        return restart + 1 < restarts.size() ? restarts.get(restart + 1).from()
                : load.stoppedAt().orElseThrow(() -> new AssertionError("the clients did not stop"));
    }

    @After(order = 1)
    public void stopTheClients() {
        clientLoad.load().ifPresent(SteadyLoad::close);
    }
}
