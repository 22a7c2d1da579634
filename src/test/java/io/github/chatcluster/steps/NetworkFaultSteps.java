package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.PacketFaults;
import io.github.chatcluster.health.HealthyBaseline;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.waits.Stretch;

/** Packet-level faults by node name (network_faults.feature): silent deaths, cut links, delay, loss, and the heal. */
public class NetworkFaultSteps {

    private final ScenarioContext context;

    public NetworkFaultSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    private PacketFaults network() {
        return cluster().packetFaults();
    }

    private void faultBegins(List<String> nodes, String words) {
        context.timeline().faultInjectedAt(Instant.now());
        context.timeline().fault(new FaultInForce(nodes, words));
    }

    // ---- the faults

    @When("{node} dies silently")
    public void diesSilently(Node node) {
        Faults.dieSilently(context, node.name());
    }

    @When("{node} is cut off from every worker")
    public void cutOffFromEveryWorker(Node node) {
        faultBegins(List.of(node.name()), node.name() + " cut off from every worker");
        ChatCluster.WORKERS.forEach(worker -> network().cutLink(node.name(), worker));
    }

    @When("the link between {node} and {node} is cut")
    public void theLinkIsCut(Node node, Node peer) {
        Faults.cutLink(context, node.name(), peer.name());
    }

    /** The cut lasts the stated time (nothing is to be observed until the heal). */
    @When("the link between {node} and {node} is cut for {int} seconds, then heals")
    public void theLinkIsCutThenHeals(Node node, Node peer, int seconds) {
        Faults.cutLink(context, node.name(), peer.name());
        Stretch.lasting(Duration.ofSeconds(seconds), "the cut of " + seconds + " s");
        theNetworkHeals();
    }

    @Given("every packet between the coordinators and the workers is delayed by {int} ms")
    public void everyPacketIsDelayed(int millis) {
        faultBegins(ChatCluster.WORKERS, millis + " ms delay between the coordinators and the workers");
        for (String worker : ChatCluster.WORKERS) {
            network().delay(worker, List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2), millis);
        }
    }

    /**
     * The delay is set on the node's side for the packets to and from the peer, so a round trip between them takes
     * twice the delay. It lasts the stated time (nothing is to be observed until the heal).
     */
    @When("every packet between {node} and {node} is delayed by {int} ms for {int} seconds, then the link heals")
    public void everyPacketBetweenIsDelayedFor(Node node, Node peer, int millis, int seconds) {
        faultBegins(List.of(node.name()), millis + " ms delay between " + node.name() + " and " + peer.name());
        network().delay(node.name(), List.of(peer.name()), millis);
        Stretch.lasting(Duration.ofSeconds(seconds), "the delay of " + seconds + " s");
        theNetworkHeals();
    }

    @When("{node} loses {int}% of its packets")
    public void losesPackets(Node node, int percent) {
        faultBegins(List.of(node.name()), node.name() + " losing " + percent + "% of its packets");
        network().losePackets(node.name(), percent);
    }

    @When("the network heals")
    public void theNetworkHeals() {
        context.report("healed: " + Faults.heal(context));
    }

    @Then("the cluster is healthy again within {int} seconds")
    public void theClusterIsHealthyAgainWithin(int seconds) {
        Instant healed = context.timeline().backAt();
        assertThat(healed).as("when the network healed").isNotNull();
        HealthyAgain.Result result = HealthyAgain.check(new HealthyBaseline(cluster()), healed, Duration.ofSeconds(seconds));
        if (!result.healthy()) {
            throw new AssertionError("After " + context.timeline().fault() + " and the network healed, the cluster was still not"
                    + " healthy " + seconds + " s after the heal, by itself (no repair):\n  - " + String.join("\n  - ", result.lastProblems()));
        }
        context.report(String.format(Locale.ROOT, "healthy again %.1f s after the network healed%s", result.after().toMillis() / 1000.0,
                result.firstProblems().isEmpty() ? "" : "; at the first check: " + result.firstProblems()));
        Figures.record("network.healthy-again-seconds." + Figures.key(context.timeline().fault()), Figures.seconds(result.after()));
        if (result.after().compareTo(Duration.ofSeconds(seconds)) > 0) {
            throw new AssertionError(String.format(Locale.ROOT, "After %s, the cluster was healthy again only %.1f s after the"
                    + " network healed, more than the %d s allowed", context.timeline().fault(), result.after().toMillis() / 1000.0, seconds));
        }
    }

}
