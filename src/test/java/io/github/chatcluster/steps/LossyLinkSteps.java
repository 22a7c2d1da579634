package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.ChatWriter;
import io.github.chatcluster.app.WriteTrials;
import io.github.chatcluster.catalog.DataPlacement;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.report.Figures;

/** Writes over a lossy link, each retried with the same id (network_faults.feature). */
public class LossyLinkSteps {

    private final ScenarioContext context;
    private WriteTrials.Trial lossyWrites;
    private int retries;
    private int unknownOutcomes;

    public LossyLinkSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @When("{int} messages are sent to rooms with a copy on {node}, one after another, through the load balancer, each retried with the same id for up to {int} seconds")
    public void messagesToRoomsWithACopyOn(int count, Node worker, int retrySeconds) {
        List<DataPlacement.RoomPlacement> rooms = NetworkChecks.roomsWithACopyOn(context, worker.name(), true);
        int unknownBefore = context.acks().tally().unknownOutcomes();
        int retriesBefore = context.acks().tally().retries();
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
                    failures.add(Text.firstLine(e.getMessage()));
                }
            }
        } finally {
            writer.close();
        }
        retries = context.acks().tally().retries() - retriesBefore;
        unknownOutcomes = context.acks().tally().unknownOutcomes() - unknownBefore;
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

}
