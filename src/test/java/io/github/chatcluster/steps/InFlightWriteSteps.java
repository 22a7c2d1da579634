package io.github.chatcluster.steps;

import io.github.chatcluster.waits.BoundedStop;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.InFlightWrite;
import io.github.chatcluster.app.WriteLoad;
import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.FailureKind;

/** Writes caught by a coordinator's failure: one in flight, a storm of them, and how their outcomes are resolved. */
public class InFlightWriteSteps {

    private final ScenarioContext context;
    private InFlightWrite inFlight;
    private InFlightWrite.Commit commit;

    public InFlightWriteSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCluster cluster() {
        return context.cluster();
    }

    @Given("a client connected through the load balancer to coordinator-1, in the middle of writing a message")
    public void aClientInTheMiddleOfWriting() throws SQLException {
        long room = context.rooms().get(0);
        long sender = ChatApplication.through(cluster().coordinator1()).members(room).get(0);
        // After an earlier outage nginx skips coordinator-1 for its fail_timeout (10 s): wait until it routes there again.
        cluster().awaitLoadBalancerRoutesTo(ChatCluster.COORDINATOR_1);
        inFlight = InFlightWrite.begin(cluster().loadBalancer(), ChatCluster.COORDINATOR_1, room, sender);
    }

    @When("the client commits")
    public void theClientCommits() {
        commit = inFlight.commit(context.acks());
        context.report("the client's COMMIT: " + commit);
    }

    @Then("its connection broke during COMMIT with SQLSTATE {sqlStates}, so it cannot know whether its write happened")
    public void theConnectionBrokeWith(List<String> sqlStates) {
        assertThat(commit).as("the client's COMMIT in the step before").isNotNull();
        assertThat(commit.acknowledged()).as("the COMMIT on the failed coordinator was acknowledged").isFalse();
        assertThat(commit.error().getSQLState()).as("SQLSTATE of: %s", commit).isIn(sqlStates);
        assertThat(commit.outcome()).as("what the client can conclude from: %s", commit).isEqualTo(WriteOutcome.UNKNOWN);
    }

    @When("the client reconnects through the load balancer and writes its message again with the same id")
    public void theClientResolves() {
        boolean wasStored = inFlight.resolveThrough(cluster().loadBalancer(), context.acks(), Duration.ofSeconds(15));
        context.report("the message written again " + (wasStored ? "met the first one: it had been stored" : "was stored now: the first had not been"));
    }

    /**
     * A client whose write waits on a lock that a transaction of the killed coordinator holds (prepared on the other
     * nodes before it died; only its own recovery ends it) runs out of each attempt's statement timeout until its
     * retry window ends: the write is refused, and it did not happen (the read-back checks that it is not stored).
     */
    @Then("every write the clients were told was refused ran out of its statement timeout, SQLSTATE 57014, waiting on a lock of the killed coordinator's transaction")
    public void everyRefusedWriteTimedOut() {
        var refused = context.acks().tally().refusedBySqlState();
        context.report(refused.isEmpty() ? "no write was refused" : "writes refused, by SQLSTATE: " + refused);
        assertThat(refused.keySet()).as("SQLSTATEs of the refused writes").isSubsetOf(java.util.Set.of("57014"));
    }

    @Then("the message is stored exactly once, read through coordinator-2 and the load balancer and on both copies of its shard")
    public void theMessageIsStoredExactlyOnce() {
        AcknowledgedWrites.assertMessageReadOnceThrough(List.of(cluster().coordinator2(), cluster().loadBalancer()),
                inFlight.roomId(), inFlight.clientId());
        context.report("the message on each placement of its shard: "
                + AcknowledgedWrites.assertMessageOnBothPlacements(cluster(), cluster().coordinator2(), inFlight.roomId(), inFlight.clientId()));
    }

    @When("{int} clients write through the load balancer for {int} seconds, reconnecting and retrying with the same ids for up to {int} seconds after an error, while coordinator-1 is killed after {int} seconds")
    public void aWriteStorm(int clients, int seconds, int retrySeconds, int killAfter) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            scheduler.schedule(() -> Faults.inject(context, ChatCluster.COORDINATOR_1, FailureKind.KILLED), killAfter, TimeUnit.SECONDS);
            WriteLoad.Throughput storm = new WriteLoad(context.acks()).messagesFor(Map.of(cluster().loadBalancer(), clients),
                    Duration.ofSeconds(seconds), Duration.ofSeconds(retrySeconds));
            context.report(String.format(java.util.Locale.ROOT, "%d messages acknowledged (%.0f/s), %d still in doubt after retrying, %d failed%s",
                    storm.writes(), storm.perSecond(), storm.inDoubt(), storm.failures(),
                    storm.firstFailure() == null ? "" : "; the first failure: " + storm.firstFailure()));
        } finally {
            BoundedStop.now(scheduler, Duration.ofSeconds(30), "the fault's scheduler");
        }
        assertThat(context.timeline().faultInjectedAt()).as("coordinator-1 was killed during the storm").isNotNull();
    }

    @After
    public void closeTheInFlightClient() {
        if (inFlight != null) {
            inFlight.close();
        }
    }
}
