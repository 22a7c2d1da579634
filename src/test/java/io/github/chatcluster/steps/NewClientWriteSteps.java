package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.NewClientWrites;
import io.github.chatcluster.app.PooledClient;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;

/** New clients that write while a packet-level fault is in force (network_faults.feature). */
public class NewClientWriteSteps {

    private final ScenarioContext context;
    private NewClientWrites newClientWrites;
    /** The client-made id of the last new message a step sent. */
    private UUID lastMessage;

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
    public void clientsOnTheCutOffCoordinatorWereRefused(int atLeast, String coordinator, int seconds) {
        List<NewClientWrites.Outcome> there = newClientWrites.landedOn(coordinator);
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
    public void everyClientOnTheOtherCoordinatorStored(String coordinator) {
        List<NewClientWrites.Outcome> there = newClientWrites.landedOn(coordinator);
        assertThat(there).as("clients that landed on %s:%s", coordinator, newClientWrites).isNotEmpty()
                .allSatisfy(client -> assertThat(client.acknowledged()).as("a client on %s: %s", coordinator, client).isTrue());
        there.forEach(client -> AcknowledgedWrites.assertMessageReadOnceThrough(List.of(cluster().endpoint(coordinator)),
                client.roomId(), client.clientId()));
    }

    @Then("so the demo's claim of {string} does not hold for a coordinator cut off from the workers")
    public void soTheClaimDoesNotHoldForACutOffCoordinator(String words) {
        long refused = newClientWrites.outcomes().stream().filter(o -> !o.acknowledged()).count();
        context.claim(SeedClaim.withWords(words), refused == 0, String.format(Locale.ROOT, "with %s, the load balancer still sent"
                + " new clients to it: %d of %d new clients had their message refused", context.timeline().fault(), refused,
                newClientWrites.outcomes().size()));
        assertThat(refused).as("clients refused while %s (the claim held):%s", context.timeline().fault(), newClientWrites).isPositive();
    }

    @Then("a new message through {entryPoint} is stored within {int} seconds")
    public void aNewMessageIsStored(Endpoint entry, int seconds) throws SQLException {
        PooledClient.Outcome write = newMessageThrough(entry);
        if (write.committed()) {
            AcknowledgedWrites.assertMessageReadOnceThrough(List.of(entry), context.rooms().get(0), lastMessage);
            context.report("read back once through " + entry + " and on its shard's placements "
                    + AcknowledgedWrites.assertMessageOnBothPlacements(cluster(), entry, context.rooms().get(0), lastMessage));
        }
        if (!write.committed()) {
            throw new AssertionError("A new message through " + entry + " was refused while " + context.timeline().fault() + ": " + write.error());
        }
        NetworkChecks.assertWithin(context, write, seconds, "a new message through " + entry);
    }

    @Then("a new message through {entryPoint} is refused within {int} seconds with an error naming {node}")
    public void aNewMessageIsRefused(Endpoint entry, int seconds, String node) throws SQLException {
        PooledClient.Outcome write = newMessageThrough(entry);
        assertThat(write.committed()).as("a new message through %s while %s", entry, context.timeline().fault()).isFalse();
        assertThat(write.error()).as("the error of the refused message").contains(node);
        NetworkChecks.assertWithin(context, write, seconds, "the refused message through " + entry);
    }

    private PooledClient.Outcome newMessageThrough(Endpoint entry) throws SQLException {
        long room = context.rooms().get(0);
        long sender = context.acks().membersOf(room).get(0);
        UUID id = UUID.randomUUID();
        lastMessage = id;
        try (PooledClient client = PooledClient.open(entry)) {
            PooledClient.Outcome write = client.sendMessage(room, sender, id);
            context.report("a new message through " + entry + " while " + context.timeline().fault() + ": " + write
                    + (write.committed() ? "" : " (" + Text.firstLine(write.error()) + ")"));
            Figures.record("network.new-message-seconds." + Figures.key(context.timeline().fault()) + ".through-" + entry.name(), Figures.seconds(write.took()));
            if (write.committed()) {
                context.acks().message(room, id);
            }
            return write;
        }
    }

}
