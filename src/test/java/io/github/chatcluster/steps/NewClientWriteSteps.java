package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.NewClientWrites;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.EveryOneServed;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** New clients that write while a packet-level fault is in force (network_faults.feature). */
public class NewClientWriteSteps {

    private final ScenarioContext context;
    private NewClientWrites newClientWrites;

    public NewClientWriteSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @When("{int} new clients through the load balancer each send a message to one of the rooms, all at once")
    public void newClientsEachSendAMessage(int count) {
        assertThat(context.rooms()).as("rooms of the background").hasSizeGreaterThanOrEqualTo(count);
        newClientWrites = NewClientWrites.sendAtOnce(cluster().loadBalancer(), context.rooms().subList(0, count), context.acks(),
                Duration.ofSeconds(30));
        context.report("new clients through the load balancer while " + context.timeline().fault() + ":" + newClientWrites);
    }

    @Then("at least {int} of those clients landed on {node}, and each of them was refused within {int} seconds with an error naming a worker")
    public void clientsOnTheCutOffCoordinatorWereRefused(int atLeast, Node coordinator, int seconds) {
        List<NewClientWrites.Outcome> there = newClientWrites.landedOn(coordinator.name());
        long total = newClientWrites.outcomes().size();
        Figures.record("network.clients-failed-share." + Figures.key(context.timeline().fault()), String.format(Locale.ROOT, "%d of %d",
                newClientWrites.outcomes().stream().filter(o -> !o.acknowledged()).count(), total));
        assertThat(there).as("clients the load balancer sent to %s while %s:%s", coordinator, context.timeline().fault(), newClientWrites)
                .hasSizeGreaterThanOrEqualTo(atLeast);
        for (NewClientWrites.Outcome client : there) {
            assertThat(client.acknowledged()).as("a client on %s: %s", coordinator, client).isFalse();
            assertThat(client.error()).as("the error of a client on %s", coordinator).containsPattern("worker-[1-4]");
            assertThat(client.took()).as("how long a client on %s waited for its refusal", coordinator)
                    .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Then("every client that landed on {node} had its message stored")
    public void everyClientOnTheOtherCoordinatorStored(Node coordinator) {
        List<NewClientWrites.Outcome> there = newClientWrites.landedOn(coordinator.name());
        assertThat(there).as("clients that landed on %s:%s", coordinator, newClientWrites).isNotEmpty()
                .allSatisfy(client -> assertThat(client.acknowledged()).as("a client on %s: %s", coordinator, client).isTrue());
        there.forEach(client -> AcknowledgedWrites.assertMessageReadOnceThrough(List.of(cluster().endpoint(coordinator.name())),
                client.roomId(), client.clientId()));
    }

    @Then("the demo's claim of {string} {statedVerdict} for a coordinator cut off from the workers, judged by whether every new client through the load balancer had its message acknowledged")
    public void theClaimForACutOffCoordinator(String words, Verdict stated) {
        int total = newClientWrites.outcomes().size();
        int acknowledged = (int) newClientWrites.outcomes().stream().filter(NewClientWrites.Outcome::acknowledged).count();
        var j = EveryOneServed.judge("new clients through the load balancer with their message acknowledged", acknowledged, total);
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "with " + context.timeline().fault() + ": " + j.why()
                + (acknowledged == total ? "" : "; the load balancer still sent the others to it, and their message was refused"));
    }

}
