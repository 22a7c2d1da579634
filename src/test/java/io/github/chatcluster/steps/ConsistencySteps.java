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
import io.github.chatcluster.consistency.FollowReads;
import io.github.chatcluster.consistency.ReadSkew;
import io.github.chatcluster.consistency.RoomPair;
import io.github.chatcluster.isolation.Anomaly;
import io.github.chatcluster.report.ConsistencyVerdicts;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** Transactions over two rooms and what readers through the other coordinator see of them (@consistency). */
public class ConsistencySteps {

    private final ScenarioContext context;
    private RoomPair rooms;
    private Announcements traffic;
    /** What the isolation checker finds in every write and each reader's reads. */
    private List<ReadSkew.Finding> findings = List.of();
    /** What it finds in every write and the reads of the readers the synchronization claim is judged by. */
    private ReadSkew.Finding judged;

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
        List<io.github.chatcluster.consistency.History.Operation> operations = traffic.history().operations();
        findings = ReadSkew.byReader(operations, rooms.roomA(), rooms.roomB());
        judged = ReadSkew.of(operations, rooms.roomA(), rooms.roomB(), "the readers through the other coordinator and the load balancer",
                client -> !client.startsWith("control") && !client.startsWith("baseline"));
        context.report(traffic.acknowledged() + " announcements acknowledged; history of " + traffic.history().operations().size()
                + " operations in " + file);
    }

    private String findingTable() {
        StringBuilder table = new StringBuilder();
        findings.forEach(f -> table.append(f).append('\n'));
        return table.toString();
    }

    @Then("the report shows, for each reader, what the isolation checker finds in the writes and that reader's reads: the classes of anomaly, the strongest level consistent, and one explained example")
    public void theReportShowsWhatTheCheckerFinds() {
        assertThat(findings).as("readers (did the clients run?)").isNotEmpty();
        String key = "consistency." + Figures.key(context.scenarioName()).toLowerCase(java.util.Locale.ROOT);
        StringBuilder text = new StringBuilder(findingTable());
        for (ReadSkew.Finding f : findings) {
            String reader = key + "." + Figures.key(f.readers());
            Figures.record(reader + ".reads", String.valueOf(f.reads()));
            Figures.record(reader + ".reads-on-cycles", String.valueOf(f.onCycles()));
            Figures.record(reader + ".g-single", String.valueOf(f.report().counts().getOrDefault(Anomaly.Kind.G_SINGLE, 0)));
            Figures.record(reader + ".level", f.report().level().toString());
            f.example().ifPresent(a -> text.append("\nexample, ").append(f.readers()).append(": ").append(a).append('\n'));
        }
        context.attachText("what the isolation checker finds per reader", text.toString());
        context.report(text.toString());
    }

    @Then("the isolation checker finds read skew \\(G-single) in the writes and the control reader's reads, so the check finds what it looks for")
    public void theCheckerFindsReadSkewInTheControl() {
        ReadSkew.Finding control = findings.stream().filter(f -> f.readers().startsWith("control")).findFirst()
                .orElseThrow(() -> new AssertionError("no control reader ran"));
        context.report(control.toString());
        assertThat(control.readSkew()).as("read skew (G-single) in the control reader's reads: %s", control).isTrue();
    }

    @Then("the demo's claim {string} {statedVerdict}, judged by whether every acknowledged announcement was seen in both rooms by its read through the other coordinator begun after the acknowledgement")
    public void eventualConsistencyJudged(String words, Verdict stated) {
        FollowReads.Followed followed = FollowReads.followed(traffic.history().operations());
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

    @Then("the demo's claim {string} {statedVerdict}, judged by whether the isolation checker finds read skew \\(G-single) in the writes and the reads through the other coordinator and the load balancer")
    public void synchronizationJudged(String words, Verdict stated) {
        String baseline = findings.stream().filter(f -> f.readers().startsWith("baseline"))
                .map(f -> "; the baseline through the writer's own coordinator: " + f).findFirst().orElse("");
        context.claimAsStated(SeedClaim.withWords(words), stated, ConsistencyVerdicts.synchronization(judged.reads(), judged.report().kinds(), !judged.report().cyclic().isEmpty()),
                String.format(java.util.Locale.ROOT, "for transactions that write one message to each of two rooms on different"
                        + " workers, the isolation checker on the writes and the reads of both rooms (in one statement or one"
                        + " REPEATABLE READ transaction) through the other coordinator and the load balancer: %s%s%s; %s", judged,
                        judged.example().map(a -> "; for example " + a).orElse(""), baseline, findingTable().replace('\n', ';')));
        assertThat(judged.reads()).as("reads of both rooms").isPositive();
    }

    @After(value = "@consistency", order = 1)
    public void stopTheClients() {
        if (traffic != null) {
            traffic.close();
        }
    }
}
