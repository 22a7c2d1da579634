package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.WriteAttempt;
import io.github.chatcluster.app.ChatDatabaseException;
import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.catalog.CitusCatalog;
import io.github.chatcluster.operations.ClusterOperations;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.EveryOneServed;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

public class WorkerSteps {

    private final ScenarioContext context;
    private List<String> stoppedWorkers = List.of();

    public WorkerSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    private ClusterOperations operator() {
        return ClusterOperations.forRepairs(cluster().coordinator1());
    }

    /** The background's rooms, split by whether one of their copies is on the worker. */
    private List<DataPlacement.RoomPlacement> rooms(String worker, boolean withCopyOnIt) {
        List<DataPlacement.RoomPlacement> rooms = new ArrayList<>();
        for (DataPlacement.RoomPlacement room : new DataPlacement(cluster()).roomPlacements(context.rooms())) {
            if (room.nodesByTable().get("rooms").contains(worker) == withCopyOnIt) {
                rooms.add(room);
            }
        }
        assertThat(rooms).as("rooms %s a copy on %s", withCopyOnIt ? "with" : "without", worker).isNotEmpty();
        return rooms;
    }

    @Then("every acknowledged write is read through {entryPoint} within {int} seconds")
    public void everyWriteIsReadWithin(Endpoint entry, int seconds) {
        // the whole step is timed: the connection and all three read queries, as the sentence promises
        Instant start = Instant.now();
        Duration slowest = AcknowledgedWrites.assertAllReadOnceThrough(context.cluster(), context.acks(), entry);
        Duration took = readReported(entry, start, slowest);
        assertThat(took).as("reading every acknowledged write through %s", entry).isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    /**
     * The finding on reads of "Fault-Tolerant Worker Replication" while a worker is lost: every acknowledged write read
     * back through the entry point, the whole step (connection and the three read queries) within the bound.
     */
    @Then("the demo's claim of {string} {statedVerdict} for reads: every acknowledged write is read through {entryPoint} within {int} seconds")
    public void theClaimForReads(String words, Verdict stated, Endpoint entry, int seconds) {
        assertThat(context.timeline().inForce().hurtsAWorker()).as("a worker is hurt when this claim is judged: %s", context.timeline().fault()).isTrue();
        String what = "acknowledged writes (" + context.acks().summary() + ") read back through " + entry;
        Instant start = Instant.now();
        EveryOneServed.Judgement j;
        try {
            Duration slowest = AcknowledgedWrites.assertAllReadOnceThrough(context.cluster(), context.acks(), entry);
            j = EveryOneServed.everyWithin(what, readReported(entry, start, slowest), Duration.ofSeconds(seconds));
        } catch (AssertionError | RuntimeException e) {
            j = EveryOneServed.notEvery(what, io.github.chatcluster.cluster.Text.firstLine(e.getMessage()));
        }
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "for reads: with " + context.timeline().fault() + ", " + j.why());
    }

    /** Reports and records how long reading every acknowledged write took, counted from {@code start}. */
    private Duration readReported(Endpoint entry, Instant start, Duration slowest) {
        Duration took = Duration.between(start, Instant.now());
        context.report(String.format(java.util.Locale.ROOT, "every acknowledged write (%s) was read back through %s in %.2f s (the slowest of the three read queries %.2f s)",
                context.acks().summary(), entry, took.toMillis() / 1000.0, slowest.toMillis() / 1000.0));
        Figures.record("read-all-seconds." + Figures.key(context.timeline().fault()) + ".through-" + entry.name(),
                String.format(java.util.Locale.ROOT, "%.2f", took.toMillis() / 1000.0));
        return took;
    }

    @When("a client sends a new message to each room with no copy on {node}")
    public void aClientSendsToRoomsWithoutACopy(Node worker) {
        sendToEach(rooms(worker.name(), false).stream().map(DataPlacement.RoomPlacement::roomId).toList());
    }

    @When("a client sends a new message to each room with a copy on {node}")
    public void aClientSendsToRoomsWithACopy(Node worker) {
        sendToEach(rooms(worker.name(), true).stream().map(DataPlacement.RoomPlacement::roomId).toList());
    }

    @When("a client sends a new message to a room with a copy on {node}")
    public void aClientSendsToARoomWithACopy(Node worker) {
        sendToEach(List.of(rooms(worker.name(), true).get(0).roomId()));
    }

    @When("a client sends a new message to each of the {int} rooms")
    public void aClientSendsToEachRoom(int count) {
        assertThat(context.rooms()).hasSize(count);
        sendToEach(context.rooms());
    }

    /** One new message to each room, one after another, through the load balancer, each on a new session. */
    private void sendToEach(List<Long> rooms) {
        List<WriteAttempt> attempts = new ArrayList<>();
        for (long room : rooms) {
            attempts.add(WriteAttempt.message(cluster().loadBalancer(), room, context.acks().membersOf(room).get(0), context.acks()));
        }
        context.attempted(attempts);
    }

    @Then("every one of those messages is stored")
    public void everyOneIsStored() {
        assertThat(context.attempts()).as("the messages the client sent").isNotEmpty()
                .allSatisfy(a -> assertThat(a.acknowledged()).as("%s, while %s", a, context.timeline().fault()).isTrue());
        for (WriteAttempt a : context.attempts()) {
            AcknowledgedWrites.assertMessageReadOnceThrough(List.of(cluster().coordinator1(), cluster().coordinator2()), a.roomId(), a.clientId());
        }
        context.report(context.attempts().size() + " new messages acknowledged and each read back once through both coordinators");
    }

    /** The finding on writes of "Fault-Tolerant Worker Replication": every new message to a room with a copy on the lost worker acknowledged. */
    @Then("the demo's claim of {string} {statedVerdict} for writes: every one of those messages is refused with {string}, and none of them is stored")
    public void theClaimForWritesEveryOneRefused(String words, Verdict stated, String text) {
        List<WriteAttempt> attempts = context.attempts();
        assertThat(attempts).as("the messages the client sent").isNotEmpty();
        writesFinding(words, stated, attempts);
        ChatInspection reader = ChatInspection.through(cluster().coordinator1());
        for (WriteAttempt a : attempts) {
            assertThat(a.outcome()).as("what the client can conclude from: %s", a).isEqualTo(WriteOutcome.REFUSED);
            assertThat(a.error()).as("the error of %s", a).contains(text);
            assertThat(reader.copiesOfMessage(a.roomId(), a.clientId())).as("copies of the refused %s", a).isZero();
        }
        context.report(attempts.size() + " refused message(s): nothing of them was stored (read back)");
    }

    @Then("the demo's claim of {string} {statedVerdict} for writes: the message is refused within {int} seconds")
    public void theClaimForWritesRefusedWithin(String words, Verdict stated, int seconds) {
        assertThat(context.attempts()).as("the message the client sent").hasSize(1);
        WriteAttempt a = context.attempts().get(0);
        writesFinding(words, stated, List.of(a));
        assertThat(a.outcome()).as("what the client can conclude from: %s", a).isEqualTo(WriteOutcome.REFUSED);
        assertThat(a.took()).as("how long the client waited for the refusal of %s", a).isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    /**
     * The finding on writes that goes with the finding on reads: held when every new message to a room with a copy on the
     * failed worker was acknowledged, not held when any was refused (what replication factor 2 gives: reads, not writes).
     */
    private void writesFinding(String words, Verdict stated, List<WriteAttempt> attempts) {
        assertThat(context.timeline().inForce().hurtsAWorker()).as("a worker is hurt when this claim is judged: %s", context.timeline().fault()).isTrue();
        int acknowledged = (int) attempts.stream().filter(WriteAttempt::acknowledged).count();
        Duration took = attempts.stream().map(WriteAttempt::took).reduce(Duration.ZERO, Duration::plus);
        EveryOneServed.Judgement j = EveryOneServed.judge("new message(s) to rooms with a copy on it acknowledged", acknowledged, attempts.size());
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), String.format(java.util.Locale.ROOT,
                "for writes: with %s, %s (%.1f s in all)%s", context.timeline().fault(), j.why(), took.toMillis() / 1000.0,
                j.verdict() == Verdict.HELD ? "" : "; those rooms take writes again once an operator disables the worker"
                        + " (worker_failure.feature: the operator disables the lost worker)"));
    }

    /**
     * Since Citus 11 a failed write never marks a copy inactive (shardstate stays 1 whatever happens), so that is no
     * check; what can change is the list of copies: every shard must still list its two, those on the lost worker included.
     */
    @Then("Citus still lists two copies of every shard, those on {node} included")
    public void citusStillListsTwoCopies(Node worker) {
        var placements = new io.github.chatcluster.catalog.CitusCatalog(cluster().coordinator1()).allPlacements();
        Map<Long, List<String>> byShard = new java.util.TreeMap<>();
        placements.forEach(p -> byShard.computeIfAbsent(p.shardId(), k -> new ArrayList<>()).add(p.node()));
        assertThat(byShard).as("shards in the catalog").isNotEmpty();
        byShard.forEach((shard, nodes) -> assertThat(nodes).as("the copies of shard %d listed after %s", shard, context.timeline().fault()).hasSize(2));
        assertThat(placements).as("copies listed on %s after %s", worker, context.timeline().fault()).anyMatch(p -> p.node().equals(worker.name()));
    }

    @When("the operator disables {node}")
    public void theOperatorDisables(Node node) {
        operator().disableNode(node.name());
    }

    @When("the operator activates {node} and copies the shards until each has {int} copies")
    public void theOperatorActivatesAndReplicates(Node node, int copies) {
        operator().activateNode(node.name());
        operator().replicateShards(copies);
        assertThat(CitusCatalog.through(cluster().coordinator1()).underReplicatedShards(copies)).as("shards with fewer than %d copies", copies).isEmpty();
    }

    @When("both workers that store the first room are stopped cleanly")
    public void bothWorkersOfTheFirstRoomStop() {
        stoppedWorkers = new DataPlacement(cluster()).roomPlacements(List.of(context.rooms().get(0))).get(0)
                .nodesByTable().get("rooms");
        assertThat(stoppedWorkers).hasSize(2);
        stoppedWorkers.forEach(cluster().faults()::stop);
        context.report("stopped " + stoppedWorkers);
    }

    @Then("reading the first room through {entryPoint} fails with SQLSTATE {sqlStates}, naming one of those workers")
    public void readingTheFirstRoomFails(Endpoint entry, List<String> states) {
        var error = catchThrowableOfType(ChatDatabaseException.class,
                () -> ChatApplication.through(entry).history(context.rooms().get(0)));
        assertThat(error).as("reading a room whose two copies are lost").isNotNull();
        context.report("reading the first room: " + error.getMessage());
        assertThat(error.sqlState()).as("the SQLSTATE of: %s", error.getMessage()).isIn(states);
        assertThat(stoppedWorkers).as("the workers stopped in this scenario").isNotEmpty();
        assertThat(stoppedWorkers.stream().anyMatch(error.getMessage()::contains))
                .as("the error names one of the stopped workers %s: %s", stoppedWorkers, error.getMessage()).isTrue();
    }

    @Then("every acknowledged room stored on neither of those workers is read through {entryPoint}")
    public void roomsStoredElsewhereAreRead(Endpoint entry) {
        List<DataPlacement.RoomPlacement> elsewhere = new DataPlacement(cluster()).roomPlacements(context.rooms()).stream()
                .filter(r -> r.nodesByTable().get("rooms").stream().noneMatch(stoppedWorkers::contains)).toList();
        assertThat(elsewhere).as("rooms stored on neither %s", stoppedWorkers).isNotEmpty();
        for (DataPlacement.RoomPlacement room : elsewhere) {
            ChatApplication app = ChatApplication.through(entry);
            // the acknowledged rows themselves, by their client-made ids and members, each once
            assertThat(app.history(room.roomId()).stream().map(ChatApplication.Message::clientId).toList())
                    .as("the acknowledged messages of room %d read through %s", room.roomId(), entry)
                    .containsExactlyInAnyOrderElementsOf(context.acks().messageIdsOf(room.roomId()));
            assertThat(app.members(room.roomId())).as("the acknowledged members of room %d", room.roomId())
                    .containsExactlyInAnyOrderElementsOf(context.acks().membersOf(room.roomId()));
        }
        context.report(elsewhere.size() + " rooms stored on neither " + stoppedWorkers + " were read");
    }
}
