package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.catalog.ClusterOperator;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;

public class WorkerSteps {

    private final ScenarioContext context;
    private List<String> stoppedWorkers = List.of();

    public WorkerSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    private ClusterOperator operator() {
        return new ClusterOperator(cluster().coordinator1());
    }

    /** The background's rooms, split by whether one of their copies is on the worker. */
    private List<DataPlacement.RoomPlacement> rooms(String worker, boolean withCopyOnIt) {
        List<DataPlacement.RoomPlacement> rooms = new ArrayList<>();
        for (DataPlacement.RoomPlacement room : new DataPlacement(cluster()).roomPlacements(context.rooms)) {
            if (room.nodesByTable().get("rooms").contains(worker) == withCopyOnIt) {
                rooms.add(room);
            }
        }
        assertThat(rooms).as("rooms %s a copy on %s", withCopyOnIt ? "with" : "without", worker).isNotEmpty();
        return rooms;
    }

    /** One client (one kept connection, like a pool) sends a message from a member to each room. */
    private void sendNewMessages(Endpoint entry, List<Long> roomIds) {
        try (ChatApplication client = ChatApplication.session(entry)) {
            for (long roomId : roomIds) {
                UUID id = UUID.randomUUID();
                client.send(roomId, context.acks.membersOf(roomId).get(0), "after the fault", id);
                context.acks.message(roomId, id);
            }
        }
    }

    @Then("every acknowledged write is read through {entryPoint} within {int} seconds")
    public void everyWriteIsReadWithin(Endpoint entry, int seconds) {
        Duration slowest = context.acks.assertAllVisibleThrough(entry);
        String read = String.format("every acknowledged write (%s) was read back through %s; the slowest read query took %.2f s",
                context.acks.summary(), entry, slowest.toMillis() / 1000.0);
        context.report(read);
        Figures.record("slowest-read-seconds." + context.fault.replace(' ', '-') + ".through-" + entry.name(),
                String.format("%.2f", slowest.toMillis() / 1000.0));
        assertThat(slowest).as("the slowest read through %s", entry).isLessThanOrEqualTo(Duration.ofSeconds(seconds));
        if (context.fault.startsWith("worker")) {
            // a finding on the workers' replication only when a worker is what failed
            context.claim(SeedClaim.FAULT_TOLERANT_WORKER_REPLICATION, true, "with " + context.fault + ", " + read);
        }
    }

    @Then("a new message to each room with no copy on {node} is stored")
    public void aNewMessageToRoomsWithoutACopyIsStored(String worker) {
        sendNewMessages(cluster().loadBalancer(), rooms(worker, false).stream().map(DataPlacement.RoomPlacement::roomId).toList());
    }

    @Then("a new message to each room with a copy on {node} fails with {string}, and is not stored")
    public void aNewMessageToRoomsWithACopyFails(String worker, String text) {
        List<DataPlacement.RoomPlacement> rooms = rooms(worker, true);
        try (ChatApplication client = ChatApplication.session(cluster().loadBalancer());
             ChatApplication reader = ChatApplication.session(cluster().coordinator1())) {
            for (DataPlacement.RoomPlacement room : rooms) {
                UUID id = UUID.randomUUID();
                long sender = context.acks.membersOf(room.roomId()).get(0);
                var error = catchThrowableOfType(ChatApplication.ChatDatabaseException.class,
                        () -> client.send(room.roomId(), sender, "must fail", id));
                assertThat(error).as("a write to room %d, which has a copy on %s", room.roomId(), worker).isNotNull();
                assertThat(error).hasMessageContaining(text);
                assertThat(reader.hasMessage(room.roomId(), id)).as("the refused message is not stored").isFalse();
                if (room == rooms.get(0)) {
                    context.report("write to a room with a copy on " + worker + ": " + error.getMessage());
                }
            }
        }
    }

    @Then("a new message to a room with a copy on {node} fails within {int} seconds")
    public void aNewMessageFailsWithin(String worker, int seconds) {
        long roomId = rooms(worker, true).get(0).roomId();
        long sender = context.acks.membersOf(roomId).get(0);
        Instant start = Instant.now();
        var error = catchThrowableOfType(ChatApplication.ChatDatabaseException.class,
                () -> ChatApplication.through(cluster().coordinator1()).send(roomId, sender, "must fail", UUID.randomUUID()));
        Duration took = Duration.between(start, Instant.now());
        assertThat(error).as("a write to a room with a copy on %s", worker).isNotNull();
        context.report(String.format("the write failed after %.2f s: %s", took.toMillis() / 1000.0, error.getMessage()));
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    /**
     * Since Citus 11 a failed write never marks a copy inactive (shardstate stays 1 whatever happens), so that is no
     * check; what can change is the list of copies: every shard must still list its two, those on the lost worker included.
     */
    @Then("Citus still lists two copies of every shard, those on {node} included")
    public void citusStillListsTwoCopies(String worker) {
        var placements = new io.github.chatcluster.catalog.CitusCatalog(cluster().coordinator1()).allPlacements();
        Map<Long, List<String>> byShard = new java.util.TreeMap<>();
        placements.forEach(p -> byShard.computeIfAbsent(p.shardId(), k -> new ArrayList<>()).add(p.node()));
        assertThat(byShard).as("shards in the catalog").isNotEmpty();
        byShard.forEach((shard, nodes) -> assertThat(nodes).as("the copies of shard %d listed after %s", shard, context.fault).hasSize(2));
        assertThat(placements).as("copies listed on %s after %s", worker, context.fault).anyMatch(p -> p.node().equals(worker));
    }

    @When("the operator disables {node}")
    public void theOperatorDisables(String node) {
        operator().disable(node);
    }

    @Then("a new message to each of the {int} rooms is stored")
    public void aNewMessageToEachRoomIsStored(int count) {
        assertThat(context.rooms).hasSize(count);
        sendNewMessages(cluster().loadBalancer(), context.rooms);
    }

    @When("the operator activates {node} and copies the shards until each has {int} copies")
    public void theOperatorActivatesAndReplicates(String node, int copies) {
        operator().activate(node);
        operator().replicateShards(copies);
        assertThat(operator().underReplicatedShards(copies)).as("shards with fewer than %d copies", copies).isEmpty();
    }

    @Then("both copies of every shard of every chat table hold identical rows")
    public void bothCopiesHoldIdenticalRows() {
        for (String table : ChatApplication.TABLES) {
            new DataPlacement(cluster()).assertCopiesIdentical(table);
        }
    }

    @When("both workers that store the first room are stopped cleanly")
    public void bothWorkersOfTheFirstRoomStop() {
        stoppedWorkers = new DataPlacement(cluster()).roomPlacements(List.of(context.rooms.get(0))).get(0)
                .nodesByTable().get("rooms");
        assertThat(stoppedWorkers).hasSize(2);
        stoppedWorkers.forEach(cluster().faults()::stop);
        context.report("stopped " + stoppedWorkers);
    }

    @Then("reading the first room through {entryPoint} fails with {string}")
    public void readingTheFirstRoomFails(Endpoint entry, String text) {
        var error = catchThrowableOfType(ChatApplication.ChatDatabaseException.class,
                () -> ChatApplication.through(entry).history(context.rooms.get(0)));
        assertThat(error).as("reading a room whose two copies are lost").isNotNull();
        context.report("reading the first room: " + error.getMessage());
        assertThat(error).hasMessageContaining(text);
    }

    @Then("every acknowledged room stored on neither of those workers is read through {entryPoint}")
    public void roomsStoredElsewhereAreRead(Endpoint entry) {
        List<DataPlacement.RoomPlacement> elsewhere = new DataPlacement(cluster()).roomPlacements(context.rooms).stream()
                .filter(r -> r.nodesByTable().get("rooms").stream().noneMatch(stoppedWorkers::contains)).toList();
        assertThat(elsewhere).as("rooms stored on neither %s", stoppedWorkers).isNotEmpty();
        for (DataPlacement.RoomPlacement room : elsewhere) {
            assertThat(ChatApplication.through(entry).history(room.roomId())).as("messages of room %d", room.roomId())
                    .hasSize(context.acks.messagesOf(room.roomId()));
        }
        context.report(elsewhere.size() + " rooms stored on neither " + stoppedWorkers + " were read");
    }
}
