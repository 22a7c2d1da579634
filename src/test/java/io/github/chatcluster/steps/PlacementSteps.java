package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.ChatMaintenance;
import io.github.chatcluster.catalog.ChatTables;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.catalog.ShardStorage;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.report.PlacementMap;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.StorageVerdict;
import io.github.chatcluster.report.Verdict;

public class PlacementSteps {

    static final Path SAMPLE_DATA = Path.of(System.getProperty("basedir", "."), "containers/schema/sample-data.sql");

    private final ScenarioContext context;
    private String explainedPlan;
    private Endpoint explainedThrough;

    public PlacementSteps(ScenarioContext context) {
        this.context = context;
    }

    private DataPlacement placement() {
        return new DataPlacement(context.cluster());
    }

    private ChatApplication app(Endpoint endpoint) {
        return ChatApplication.through(endpoint);
    }

    @Given("the chat application holds only the sample data, loaded through the load balancer")
    public void onlyTheSampleData() {
        ChatMaintenance.through(context.cluster().coordinator1()).truncateAll();
        ChatMaintenance.through(context.cluster().loadBalancer()).loadSampleData(SAMPLE_DATA);
    }

    @Then("the {word} table is split into {int} shards")
    public void theTableIsSplitIntoShards(String table, int shards) {
        assertThat(placement().shardCount(table)).as("shards of %s", table).isEqualTo(shards);
    }

    @Then("every shard of {word} is stored on exactly {int} different workers and on no coordinator")
    public void everyShardIsStoredOnDifferentWorkers(String table, int copies) {
        PlacementChecks.assertCopiesOnDistinctWorkers(table, placement().nodesByShard(table), copies);
    }

    @Then("each of the {int} workers stores exactly {int} of the {int} copies of the {word} shards")
    public void eachWorkerStoresCopies(int workers, int each, int total, String table) {
        Map<String, Long> perWorker = placement().copiesPerWorker(table);
        context.report("copies of the " + table + " shards per worker: " + DataPlacement.describe(perWorker));
        PlacementMap map = PlacementMap.read(context.cluster().coordinator1());
        context.attachText("shard placement map", map.text());
        context.attachPicture("shard placement map (picture)", map.svg());
        assertThat(perWorker).as("workers storing %s", table).hasSize(workers);
        assertThat(perWorker.values().stream().mapToLong(Long::longValue).sum()).as("copies of %s", table).isEqualTo(total);
        assertThat(perWorker).as("copies of %s per worker", table).allSatisfy((w, n) -> assertThat(n).as(w).isEqualTo(each));
    }

    @Then("every worker stores rows of at least {int} of the {int} sample rooms")
    public void everyWorkerStoresManyRooms(int atLeast, int rooms) {
        assertThat(ChatInspection.through(context.cluster().coordinator1()).count("rooms")).isEqualTo(rooms);
        Map<String, Integer> perWorker = placement().roomsPerWorker();
        context.report("rooms stored per worker: " + DataPlacement.describe(perWorker));
        assertThat(perWorker).allSatisfy((w, n) -> assertThat(n).as("rooms stored on %s", w).isGreaterThanOrEqualTo(atLeast));
    }

    @Then("the demo's claim of {string} {statedVerdict}: for each chat table, the rows stored on the workers add up to exactly twice the rows the application sees:")
    public void rowsAddUpToTwice(String words, Verdict stated, DataTable expected) {
        List<List<String>> actual = new ArrayList<>();
        actual.add(List.of("table", "rows the application sees", "rows stored on the workers"));
        Map<String, StorageVerdict.Rows> rows = new java.util.LinkedHashMap<>();
        for (String table : expected.column(0).subList(1, expected.height())) {
            Map<String, Long> perWorker = placement().rowsPerWorker(table);
            context.report(table + " rows per worker: " + DataPlacement.describe(perWorker));
            long stored = perWorker.values().stream().mapToLong(Long::longValue).sum();
            long seen = ChatInspection.through(context.cluster().coordinator1()).count(table);
            rows.put(table, new StorageVerdict.Rows(seen, stored));
            actual.add(List.of(table, String.valueOf(seen), String.valueOf(stored)));
        }
        StorageVerdict.Judgement j = StorageVerdict.judge(rows);
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), j.why());
        expected.diff(DataTable.create(actual));
    }

    @Then("that co-location group has {int} shards, each stored {int} times")
    public void thatGroupHasShards(int shards, int copies) {
        for (String table : ChatTables.NAMES) {
            var t = placement().table(table);
            assertThat(t.shardCount()).as("shards of %s", table).isEqualTo(shards);
            // counted, not read from the declared replication factor: every shard's placements in the catalog
            placement().copiesPerShard(table).forEach((shard, count) ->
                    assertThat(count).as("copies of shard %d of %s", shard, table).isEqualTo((long) copies));
        }
    }

    @Then("for every sample room, its shards of rooms, room_members and messages are stored on the same {int} workers")
    public void everyRoomIsStoredTogether(int copies) {
        List<Long> rooms = ChatInspection.through(context.cluster().coordinator1()).roomIds();
        assertThat(rooms).isNotEmpty();
        for (DataPlacement.RoomPlacement room : placement().roomPlacements(rooms)) {
            List<String> roomsNodes = room.nodesByTable().get("rooms");
            assertThat(roomsNodes).as("workers storing room %d", room.roomId()).hasSize(copies);
            assertThat(room.nodesByTable()).as("where the data of room %d is stored", room.roomId())
                    .allSatisfy((table, nodes) -> assertThat(nodes).as(table).isEqualTo(roomsNodes));
        }
    }

    @Then("for {int} sample rooms, the shard tables on those {int} workers hold the room's {int} room row, {int} members and {int} messages")
    public void theShardTablesHoldTheRoom(int roomCount, int copies, int roomRows, int members, int messages) {
        List<Long> rooms = ChatInspection.through(context.cluster().coordinator1()).roomIds().subList(0, roomCount);
        Map<String, Long> expected = Map.of("rooms", (long) roomRows, "room_members", (long) members, "messages", (long) messages);
        for (DataPlacement.RoomPlacement room : placement().roomPlacements(rooms)) {
            var physical = placement().physicalRowsOfRoom(room);
            context.report("room " + room.roomId() + " on the workers (-1: shard not stored there): " + physical);
            for (String worker : room.nodesByTable().get("rooms")) {
                assertThat(physical.get(worker)).as("rows of room %d in the shard tables on %s", room.roomId(), worker)
                        .isEqualTo(expected);
            }
        }
    }

    @Then("the other {int} workers do not store the shards of those {int} sample rooms at all")
    public void theOtherWorkersDoNotStoreThem(int others, int roomCount) {
        List<Long> rooms = ChatInspection.through(context.cluster().coordinator1()).roomIds().subList(0, roomCount);
        // Read on the workers themselves: a shard table that exists where the metadata does not list it counts too.
        for (DataPlacement.RoomPlacement room : placement().roomPlacements(rooms)) {
            List<String> otherWorkers = ChatCluster.WORKERS.stream()
                    .filter(w -> !room.nodesByTable().get("rooms").contains(w)).toList();
            assertThat(otherWorkers).hasSize(others);
            for (String worker : otherWorkers) {
                ShardStorage storage = ShardStorage.on(context.cluster().endpoint(worker));
                room.shardByTable().forEach((table, shard) -> assertThat(storage.shardTableExists(table, shard))
                        .as("a shard table %s_%d (of room %d) on %s", table, shard, room.roomId(), worker).isFalse());
            }
        }
    }

    @When("the application explains, through {entryPoint}, a query that joins sample room {int} with its members and messages")
    public void explainRoomJoin(Endpoint entry, int sampleRoom) {
        long roomId = app(entry).roomIdNamed("sample room " + sampleRoom);
        explainedThrough = entry;
        explainedPlan = ChatInspection.through(entry).explainRoomJoin(roomId);
        context.report("plan through " + entry + ":\n" + explainedPlan);
    }

    @Then("the plan sends exactly {int} task to the workers")
    public void thePlanSendsTasks(int tasks) {
        assertThat(explainedPlan).contains("Task Count: " + tasks + "\n");
    }

    @Then("the same join over all rooms sends one task to each of the {int} shards")
    public void theJoinOverAllRoomsSendsOneTaskPerShard(int shards) {
        String plan = ChatInspection.through(explainedThrough).explainRoomJoin(null);
        context.report("plan without a room:\n" + plan);
        assertThat(plan).contains("Task Count: " + shards + "\n");
    }
}
