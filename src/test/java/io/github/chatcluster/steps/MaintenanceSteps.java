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
        Instant from = Instant.now();
        context.cluster().faults().stop(node.name());
        context.cluster().faults().start(node.name());
        int recovered = ClusterOperations.forRepairs(context.cluster().endpoint(node.name())).recoverTwoPhaseCommits();
        Instant to = Instant.now();
        restarts.add(new Restart(node.name(), from, to));
        context.report(String.format(Locale.ROOT, "%s restarted in %.1f s; it recovered %d two-phase commits", node,
                Duration.between(from, to).toMillis() / 1000.0, recovered));
    }

    @Then("the demo's claim of {string} is judged by whether, during each restart, every write was acknowledged and no client went more than {int} seconds without a success")
    public void zeroDowntimeJudged(String words, int seconds) {
        assertThat(restarts).as("coordinators restarted in this scenario").isNotEmpty();
        SteadyLoad load = clientLoad.load().orElseThrow(() -> new AssertionError("no clients were started"));
        Instant stopped = load.stoppedAt().orElseThrow(() -> new AssertionError("the clients did not stop"));
        StringBuilder table = new StringBuilder();
        List<String> against = new ArrayList<>();
        String key = "maintenance." + Figures.key(context.scenarioName()).toLowerCase(Locale.ROOT);
        for (int i = 0; i < restarts.size(); i++) {
            Restart r = restarts.get(i);
            Instant until = i + 1 < restarts.size() ? restarts.get(i + 1).from() : stopped;
            table.append(String.format(Locale.ROOT, "%s restarted (%.1f s), until the next part began%n", r.node(),
                    Duration.between(r.from(), r.to()).toMillis() / 1000.0));
            for (var client : load.timelines().entrySet()) {
                // from the restart's start until the next restart began (or the clients stopped)
                ClientTimeline.Window w = client.getValue().within(r.from(), until);
                table.append("  ").append(w.row(client.getKey())).append("  errors: ").append(w.topErrors(3)).append('\n');
                String figure = key + "." + Figures.key(r.node()) + "." + Figures.key(client.getKey());
                Figures.record(figure + ".longest-gap-seconds", Figures.seconds(w.longestGap()));
                Figures.record(figure + ".failed-attempts", String.valueOf(w.failedAttempts()));
                Figures.record(figure + ".given-up", String.valueOf(w.refused()));
                if (w.refused() > 0 || w.unknown() > 0) {
                    against.add(String.format(Locale.ROOT, "%s: %d writes given up, %d unknown while %s restarted",
                            client.getKey(), w.refused(), w.unknown(), r.node()));
                }
                if (w.longestGap().compareTo(Duration.ofSeconds(seconds)) > 0) {
                    against.add(String.format(Locale.ROOT, "%s went %.1f s without a success while %s restarted", client.getKey(),
                            w.longestGap().toMillis() / 1000.0, r.node()));
                }
            }
        }
        context.attachText("what each client saw during each restart", table.toString());
        context.report(table.toString());
        String summary = String.format(Locale.ROOT, "clients writing and reading through the load balancer while %s were restarted"
                + " cleanly one after the other: %s", String.join(", then ", restarts.stream().map(Restart::node).toList()),
                against.isEmpty() ? "every write was acknowledged (after retries) and no client went more than " + seconds
                        + " s without a success" : String.join("; ", against));
        context.claim(SeedClaim.withWords(words), against.isEmpty(), summary);
    }

    @After(order = 1)
    public void stopTheClients() {
        clientLoad.load().ifPresent(SteadyLoad::close);
    }
}
