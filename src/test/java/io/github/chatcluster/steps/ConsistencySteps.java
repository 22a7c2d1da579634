package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.consistency.Announcements;
import io.github.chatcluster.consistency.FracturedReads;
import io.github.chatcluster.consistency.RoomPair;
import io.github.chatcluster.report.ConsistencyVerdicts;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** Transactions over two rooms and what readers through the other coordinator see of them (@consistency). */
public class ConsistencySteps {

    private final ScenarioContext context;
    private RoomPair rooms;
    private Announcements traffic;
    private List<FracturedReads.Counts> counts = List.of();

    public ConsistencySteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("two of those rooms whose messages are stored on different shards and on different workers")
    public void twoRoomsOnDifferentWorkers() {
        rooms = RoomPair.onDisjointWorkers(context.cluster().coordinator1(), context.rooms(), context.acks());
        context.report("the two rooms: " + rooms);
    }

    @When("for {int} seconds a writer through coordinator-1 sends announcements to both rooms, one transaction each, and reads each back through coordinator-2 right after its acknowledgement, while readers read both rooms through coordinator-2 and the load balancer in one statement and in one REPEATABLE READ transaction, a baseline reader through coordinator-1, the writer's own, in one statement, and a control reader in two statements with an acknowledgement between them")
    public void oneWriterAndReaders(int seconds) {
        ChatCluster cluster = context.cluster();
        traffic = new Announcements(rooms, context.acks())
                .writer(cluster.coordinator1(), cluster.coordinator2())
                .readerInOneStatement(cluster.coordinator2())
                .readerInOneTransaction(cluster.coordinator2())
                .readerInOneStatement(cluster.loadBalancer())
                .readerInOneTransaction(cluster.loadBalancer())
                .baselineReaderInOneStatement(cluster.coordinator1())
                .controlReaderInTwoStatements(cluster.coordinator2());
        runFor(seconds);
    }

    @When("for {int} seconds writers through coordinator-1 and through coordinator-2 send announcements to both rooms at once, each read back through the other coordinator right after its acknowledgement, while readers read both rooms in one statement through the load balancer, coordinator-1 and coordinator-2, and in one REPEATABLE READ transaction through the load balancer")
    public void twoWritersAndReaders(int seconds) {
        ChatCluster cluster = context.cluster();
        traffic = new Announcements(rooms, context.acks())
                .writer(cluster.coordinator1(), cluster.coordinator2())
                .writer(cluster.coordinator2(), cluster.coordinator1())
                .readerInOneStatement(cluster.loadBalancer())
                .readerInOneTransaction(cluster.loadBalancer())
                .readerInOneStatement(cluster.coordinator1())
                .readerInOneStatement(cluster.coordinator2());
        runFor(seconds);
    }

    /** The clients run for the time the sentence says, measured in this thread, then stop (bounded). */
    private void runFor(int seconds) {
        java.time.Instant end = java.time.Instant.now().plusSeconds(seconds);
        try {
            org.awaitility.Awaitility.await("the clients' " + seconds + " seconds").atMost(Duration.ofSeconds(seconds + 5))
                    .pollInterval(Duration.ofMillis(100)).until(() -> !java.time.Instant.now().isBefore(end));
        } finally {
            traffic.stop();
        }
        Path file = Path.of(System.getProperty("basedir", "."), "target/cucumber-reports/history",
                Figures.key(context.scenarioName()).toLowerCase(java.util.Locale.ROOT) + ".jsonl");
        traffic.history().saveTo(file);
        counts = FracturedReads.byReader(traffic.history().operations());
        context.report(traffic.acknowledged() + " announcements acknowledged; history of " + traffic.history().operations().size()
                + " operations in " + file);
    }

    private String countTable() {
        StringBuilder table = new StringBuilder();
        counts.forEach(c -> table.append(c).append('\n'));
        return table.toString();
    }

    @Then("the report shows, for each reader, how many of its reads saw an announcement in one room and not in the other, and one such read")
    public void theReportShowsFracturedReads() {
        assertThat(counts).as("readers (did the clients run?)").isNotEmpty();
        String key = "consistency." + Figures.key(context.scenarioName()).toLowerCase(java.util.Locale.ROOT);
        StringBuilder text = new StringBuilder(countTable());
        for (FracturedReads.Counts c : counts) {
            String reader = key + "." + Figures.key(c.reader());
            Figures.record(reader + ".reads", String.valueOf(c.reads()));
            Figures.record(reader + ".fractured", String.valueOf(c.fractured()));
            Figures.record(reader + ".crossed-halves", String.valueOf(c.crossed()));
            if (c.example() != null) {
                text.append("\nexample, ").append(c.reader()).append(": began ").append(c.example().began()).append(", ended ")
                        .append(c.example().ended()).append(", room ").append(rooms.roomA()).append(" ").append(c.example().seenA().size())
                        .append(" announcements, room ").append(rooms.roomB()).append(" ").append(c.example().seenB().size())
                        .append("; in one room only: ").append(onlyOne(c.example())).append('\n');
            }
        }
        context.attachText("fractured reads per reader", text.toString());
        context.report(text.toString());
    }

    private static String onlyOne(io.github.chatcluster.consistency.History.Operation read) {
        java.util.Set<Long> a = new java.util.TreeSet<>(read.seenA());
        a.removeAll(read.seenB());
        java.util.Set<Long> b = new java.util.TreeSet<>(read.seenB());
        b.removeAll(read.seenA());
        return "A only " + a + ", B only " + b;
    }

    @Then("the control reader saw fractured reads, so the check finds what it looks for")
    public void theControlSawFracturedReads() {
        FracturedReads.Counts control = counts.stream().filter(c -> c.reader().startsWith("control")).findFirst()
                .orElseThrow(() -> new AssertionError("no control reader ran"));
        context.report(control.toString());
        assertThat(control.fractured()).as("fractured reads of the control reader: %s", control).isPositive();
    }

    @Then("the demo's claim {string} {statedVerdict}, judged by whether every acknowledged announcement was seen in both rooms by its read through the other coordinator begun after the acknowledgement")
    public void eventualConsistencyJudged(String words, Verdict stated) {
        FracturedReads.Followed followed = FracturedReads.followed(traffic.history().operations());
        long failedFollows = traffic.history().operations().stream().filter(op -> op.kind().equals("follow") && !op.ok()).count();
        Verdict found = ConsistencyVerdicts.eventual(followed.followed(), followed.missed().size());
        context.claimAsStated(SeedClaim.withWords(words), stated, found, String.format(java.util.Locale.ROOT,
                "for transactions over two rooms through %s: %d of %d acknowledged announcements were read right after their"
                        + " acknowledgement through the other coordinator, %d of them missing a half%s (%d of those reads failed)",
                String.join(" and ", traffic.history().operations().stream().filter(op -> op.kind().equals("write"))
                        .map(io.github.chatcluster.consistency.History.Operation::through).distinct().sorted().toList()), followed.followed(), traffic.acknowledged(),
                followed.missed().size(), followed.missed().isEmpty() ? "" : " (first: announcement " + followed.missed().get(0) + ")",
                failedFollows));
        assertThat(followed.followed()).as("announcements read back after their acknowledgement").isPositive();
    }

    @Then("the demo's claim {string} {statedVerdict}, judged by whether any reader through the other coordinator or the load balancer saw half a transaction")
    public void synchronizationJudged(String words, Verdict stated) {
        List<FracturedReads.Counts> readers = counts.stream().filter(c -> !c.reader().startsWith("control") && !c.reader().startsWith("baseline")).toList();
        String baseline = counts.stream().filter(c -> c.reader().startsWith("baseline")).map(c -> String.format(java.util.Locale.ROOT,
                "; the baseline through the writer's own coordinator: %d of %d reads fractured", c.fractured(), c.reads())).findFirst().orElse("");
        int reads = readers.stream().mapToInt(FracturedReads.Counts::reads).sum();
        int fractured = readers.stream().mapToInt(FracturedReads.Counts::fractured).sum();
        int crossed = readers.stream().mapToInt(FracturedReads.Counts::crossed).sum();
        context.claimAsStated(SeedClaim.withWords(words), stated, ConsistencyVerdicts.synchronization(reads, fractured), String.format(java.util.Locale.ROOT,
                "for transactions that write one message to each of two rooms on different workers: %d of %d reads of both rooms"
                        + " (in one statement or one REPEATABLE READ transaction) saw one room's message without the other's,"
                        + " %d with crossed halves of two transactions%s; %s", fractured, reads, crossed, baseline, countTable().replace('\n', ';')));
        assertThat(reads).as("reads of both rooms").isPositive();
    }

    @After(value = "@consistency", order = 1)
    public void stopTheClients() {
        if (traffic != null) {
            traffic.close();
        }
    }
}
