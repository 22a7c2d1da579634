package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatWriter;
import io.github.chatcluster.app.NewClientWrites;
import io.github.chatcluster.app.PooledClient;
import io.github.chatcluster.app.WriteTrials;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.faults.PacketFaults;
import io.github.chatcluster.health.HealthyBaseline;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;

/** Packet-level faults by node name (network_faults.feature): silent deaths, cut links, delay, loss, and healing. */
public class NetworkSteps {

    private final ScenarioContext context;
    /** Sessions opened before the fault, closed when the scenario ends. */
    private final List<PooledClient> sessions = new ArrayList<>();
    private NewClientWrites newClientWrites;
    private WriteTrials.Trial lossyWrites;
    private int retries;
    /** The client-made id of the last new message a step sent. */
    private UUID lastMessage;
    private int unknownOutcomes;

    public NetworkSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    private PacketFaults network() {
        return cluster().packetFaults();
    }

    private void faultBegins(String fault) {
        context.timeline().faultInjectedAt(Instant.now());
        context.timeline().fault(fault);
    }

    // ---- the faults

    @When("{node} dies silently")
    public void diesSilently(String node) {
        faultBegins(node + " died silently");
        network().dieSilently(node);
    }

    @When("{node} is cut off from every worker")
    public void cutOffFromEveryWorker(String node) {
        faultBegins(node + " cut off from every worker");
        ChatCluster.WORKERS.forEach(worker -> network().cutLink(node, worker));
    }

    @When("the link between {node} and {node} is cut")
    public void theLinkIsCut(String node, String peer) {
        faultBegins("the link between " + node + " and " + peer + " cut");
        network().cutLink(node, peer);
    }

    @Given("every packet between the coordinators and the workers is delayed by {int} ms")
    public void everyPacketIsDelayed(int millis) {
        faultBegins(millis + " ms delay between the coordinators and the workers");
        for (String worker : ChatCluster.WORKERS) {
            network().delay(worker, List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2), millis);
        }
    }

    @When("{node} loses {int}% of its packets")
    public void losesPackets(String node, int percent) {
        faultBegins(node + " losing " + percent + "% of its packets");
        network().losePackets(node, percent);
    }

    @When("the network heals")
    public void theNetworkHeals() {
        context.report("healed: " + network().healAll());
        context.timeline().backAt(Instant.now());
    }

    @Then("the cluster is healthy again within {int} seconds")
    public void theClusterIsHealthyAgainWithin(int seconds) {
        HealthyBaseline check = new HealthyBaseline(cluster());
        List<String> first = check.problems();
        java.util.concurrent.atomic.AtomicReference<List<String>> last = new java.util.concurrent.atomic.AtomicReference<>(first);
        try {
            org.awaitility.Awaitility.await("a healthy cluster").atMost(Duration.ofSeconds(seconds)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        last.set(check.problems());
                        return last.get().isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException stillUnhealthy) {
            // reported below with what was still wrong
        }
        List<String> problems = last.get();
        Duration took = Duration.between(context.timeline().backAt(), Instant.now());
        if (!problems.isEmpty()) {
            throw new AssertionError("After " + context.timeline().fault() + " and the network healed, the cluster was still not healthy"
                    + " after " + seconds + " s, by itself (no repair):\n  - " + String.join("\n  - ", problems));
        }
        context.report(String.format(Locale.ROOT, "healthy again %.1f s after the network healed%s", took.toMillis() / 1000.0,
                first.isEmpty() ? "" : "; at first: " + first));
        Figures.record("network.healthy-again-seconds." + figureKey(), seconds(took));
    }

    @Then("every acknowledged write is stored exactly once")
    public void everyAcknowledgedWriteIsStoredExactlyOnce() {
        int inDoubt = context.acks().inDoubtMessages();
        int wereStored = context.acks().resolveInDoubt(cluster().loadBalancer(), Duration.ofSeconds(30));
        context.report(inDoubt == 0 ? "no write was left in doubt"
                : inDoubt + " writes were in doubt: " + wereStored + " of them had been stored, the others were written again");
        for (Endpoint entry : List.of(cluster().coordinator1(), cluster().coordinator2())) {
            AcknowledgedWrites.assertAllReadOnceThrough(context.acks(), entry);
        }
        assertThat(io.github.chatcluster.app.ChatInspection.through(cluster().coordinator1()).duplicateMessages())
                .as("messages stored twice").isEmpty();
        context.report("every acknowledged write was read through both coordinators, each once: " + context.acks().summary());
    }

    // ---- sessions that were open before the fault

    @Given("a client holds a session on {node} with a socket timeout of {int} seconds")
    public void aClientHoldsASession(String node, int seconds) throws SQLException {
        PooledClient session = PooledClient.open(cluster().endpoint(node), Duration.ofSeconds(seconds));
        sessions.add(session);
        assertThat(session.readEverything().committed()).as("a first query on the session").isTrue();
    }

    @Then("the session on {node} learns that its coordinator is gone within {int} seconds")
    public void theSessionLearns(String node, int seconds) {
        PooledClient.Outcome next = sessions.get(0).readEverything();
        context.report("the session's next query on " + node + ": " + next + (next.committed() ? "" : " (SQLSTATE "
                + next.sqlState() + ": " + firstLine(next.error()) + ")"));
        Figures.record("network.open-session-learns-seconds." + figureKey(), seconds(next.took()));
        assertThat(next.committed()).as("the session's next query on %s after %s", node, context.timeline().fault()).isFalse();
        assertThat(next.took()).as("how long the session's query waited before it learned of the fault")
                .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @Given("a client on coordinator-1 and a client on coordinator-2 have each read every room, so that both coordinators hold connections to every worker")
    public void clientsOnBothCoordinatorsHaveReadEveryRoom() throws SQLException {
        for (Endpoint entry : List.of(cluster().coordinator1(), cluster().coordinator2())) {
            PooledClient session = PooledClient.open(entry);
            sessions.add(session);
            PooledClient.Outcome read = session.readEverything();
            assertThat(read.committed()).as("reading every room through a session on %s: %s", entry, read).isTrue();
        }
    }

    @Then("each of those clients reads every acknowledged room again within {int} seconds")
    public void eachClientReadsAgain(int seconds) {
        for (PooledClient session : sessions) {
            PooledClient.Outcome read = session.readAcknowledged(context.acks());
            context.report("the session on " + session.entry() + " read every acknowledged write: " + read);
            Figures.record("network.pooled-read-seconds." + figureKey() + ".on-" + session.entry().name(), seconds(read.took()));
            if (!read.committed()) {
                throw new AssertionError(String.format(Locale.ROOT, "The session on %s, which held connections to every worker,"
                        + " could not read the acknowledged writes after %s: after %.1f s, %s (SQLSTATE %s). Nothing in the cluster"
                        + " ended the coordinator's wait on its open connection to the dead worker (TCP keepalives and a TCP user"
                        + " timeout towards the workers would), so the client's own socket timeout did, after %d s allowed.",
                        session.entry(), context.timeline().fault(), read.took().toMillis() / 1000.0, firstLine(read.error()), read.sqlState(), seconds));
            }
            assertWithin(read, seconds, "reading every acknowledged write on the session on " + session.entry());
        }
    }

    @Then("each of those clients is refused a new message to a room with a copy on {node} within {int} seconds")
    public void eachClientIsRefused(String worker, int seconds) {
        DataPlacement.RoomPlacement room = roomsWithACopyOn(worker, true).get(0);
        long sender = context.acks().membersOf(room.roomId()).get(0);
        for (PooledClient session : sessions) {
            PooledClient.Outcome write = session.sendMessage(room.roomId(), sender, UUID.randomUUID());
            context.report("the session on " + session.entry() + " sent a message to room " + room.roomId() + ": " + write
                    + (write.committed() ? "" : " (" + firstLine(write.error()) + ")"));
            Figures.record("network.pooled-refused-write-seconds." + figureKey() + ".on-" + session.entry().name(), seconds(write.took()));
            assertThat(write.committed()).as("a message through %s to room %d, which has a copy on %s, after %s",
                    session.entry(), room.roomId(), worker, context.timeline().fault()).isFalse();
            assertWithin(write, seconds, "the refused message on the session on " + session.entry());
        }
    }

    // ---- new clients

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
        Figures.record("network.clients-failed-share." + figureKey(), String.format(Locale.ROOT, "%d of %d",
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
        assertThat(refused).as("clients refused while %s:%s", context.timeline().fault(), newClientWrites).isPositive();
        context.claim(SeedClaim.withWords(words), false, String.format(Locale.ROOT, "with %s, the load balancer still sent"
                + " new clients to it: %d of %d new clients had their message refused", context.timeline().fault(), refused,
                newClientWrites.outcomes().size()));
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
        assertWithin(write, seconds, "a new message through " + entry);
    }

    @Then("a new message through {entryPoint} is refused within {int} seconds with an error naming {node}")
    public void aNewMessageIsRefused(Endpoint entry, int seconds, String node) throws SQLException {
        PooledClient.Outcome write = newMessageThrough(entry);
        assertThat(write.committed()).as("a new message through %s while %s", entry, context.timeline().fault()).isFalse();
        assertThat(write.error()).as("the error of the refused message").contains(node);
        assertWithin(write, seconds, "the refused message through " + entry);
    }

    private PooledClient.Outcome newMessageThrough(Endpoint entry) throws SQLException {
        long room = context.rooms().get(0);
        long sender = context.acks().membersOf(room).get(0);
        UUID id = UUID.randomUUID();
        lastMessage = id;
        try (PooledClient client = PooledClient.open(entry)) {
            PooledClient.Outcome write = client.sendMessage(room, sender, id);
            context.report("a new message through " + entry + " while " + context.timeline().fault() + ": " + write
                    + (write.committed() ? "" : " (" + firstLine(write.error()) + ")"));
            Figures.record("network.new-message-seconds." + figureKey() + ".through-" + entry.name(), seconds(write.took()));
            if (write.committed()) {
                context.acks().message(room, id);
            }
            return write;
        }
    }

    // ---- slow and lossy links

    @When("{int} messages are sent to rooms with a copy on {node}, one after another, through the load balancer, each retried with the same id for up to {int} seconds")
    public void messagesToRoomsWithACopyOn(int count, String worker, int retrySeconds) {
        List<DataPlacement.RoomPlacement> rooms = roomsWithACopyOn(worker, true);
        int unknownBefore = context.acks().unknownOutcomes();
        int retriesBefore = context.acks().retries();
        ChatWriter writer = new ChatWriter(cluster().loadBalancer(), context.acks(), Duration.ofSeconds(retrySeconds));
        List<Duration> latencies = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Instant start = Instant.now();
        try {
            for (int i = 0; i < count; i++) {
                long room = rooms.get(i % rooms.size()).roomId();
                Instant before = Instant.now();
                try {
                    writer.sendMessage(room, context.acks().membersOf(room).get(0), "over a lossy link " + i);
                    latencies.add(Duration.between(before, Instant.now()));
                } catch (RuntimeException e) {
                    failures.add(firstLine(e.getMessage()));
                }
            }
        } finally {
            writer.close();
        }
        retries = context.acks().retries() - retriesBefore;
        unknownOutcomes = context.acks().unknownOutcomes() - unknownBefore;
        lossyWrites = new WriteTrials.Trial(context.timeline().fault(), latencies, failures.size(), failures.isEmpty() ? null : failures.get(0),
                Duration.between(start, Instant.now()));
    }

    @Then("all {int} messages were acknowledged")
    public void allMessagesWereAcknowledged(int count) {
        assertThat(lossyWrites.latencies()).as("acknowledged messages while %s: %s", context.timeline().fault(), lossyWrites).hasSize(count);
    }

    @Then("the report shows the median and slowest write and how many writes were retried")
    public void theReportShowsLossFigures() {
        String text = String.format(Locale.ROOT, "%s; slowest %d ms; %d new attempts of failed writes (same id); %d writes had an"
                + " unknown outcome", lossyWrites, lossyWrites.percentile(1.0).toMillis(), retries, unknownOutcomes);
        context.report(text);
        Figures.record("network.loss.median-ms", Long.toString(lossyWrites.percentile(0.5).toMillis()));
        Figures.record("network.loss.slowest-ms", Long.toString(lossyWrites.percentile(1.0).toMillis()));
        Figures.record("network.loss.retries", Integer.toString(retries));
        Figures.record("network.loss.unknown-outcomes", Integer.toString(unknownOutcomes));
        assertThat(lossyWrites.latencies()).as("writes measured").isNotEmpty();
    }

    // ----

    private List<DataPlacement.RoomPlacement> roomsWithACopyOn(String worker, boolean withCopy) {
        List<DataPlacement.RoomPlacement> rooms = new DataPlacement(cluster()).roomPlacements(context.rooms()).stream()
                .filter(r -> r.nodesByTable().get("rooms").contains(worker) == withCopy).toList();
        assertThat(rooms).as("rooms %s a copy on %s", withCopy ? "with" : "without", worker).isNotEmpty();
        return rooms;
    }

    private void assertWithin(PooledClient.Outcome outcome, int seconds, String what) {
        if (outcome.took().compareTo(Duration.ofSeconds(seconds)) > 0) {
            throw new AssertionError(String.format(Locale.ROOT, "%s took %.1f s after %s, more than the %d s allowed: %s", what,
                    outcome.took().toMillis() / 1000.0, context.timeline().fault(), seconds, outcome));
        }
    }

    private String figureKey() {
        return context.timeline().fault().replaceAll("[^A-Za-z0-9-]+", "-");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    @After
    public void closeSessions() {
        sessions.forEach(PooledClient::close);
    }
}
