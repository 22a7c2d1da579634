package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.NewClients;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.LoadBalancerRouting;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.report.FailoverVerdict;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** The failover claim for the fault nginx cannot see at once, over several silent deaths of coordinator-1. */
public class SilentDeathTrialSteps {

    /** Each new client's bound on one connection attempt, and its attempts, as in the scenario of one silent death. */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 3;

    private final ScenarioContext context;
    private final List<NewClients> trials = new ArrayList<>();

    public SilentDeathTrialSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("coordinator-1 dies silently {int} times, and each time, once the load balancer has both coordinators in its rotation, {int} new clients connect through it one after another before the network heals")
    public void silentDeaths(int times, int clients) {
        ChatCluster cluster = context.cluster();
        for (int i = 1; i <= times; i++) {
            String rotation = new LoadBalancerRouting(cluster).ensureBothCoordinators();
            NewClients trial = null;
            try {
                Faults.dieSilently(context, ChatCluster.COORDINATOR_1);
                trial = NewClients.oneAfterAnother(cluster.loadBalancer(), clients, LOGIN_TIMEOUT, ATTEMPTS);
            } finally {
                healAfter(i, trial != null);
            }
            trials.add(trial);
            context.report("silent death " + i + " of coordinator-1 (before it: " + rotation + "); new clients through the load balancer:" + trial);
        }
    }

    /** Heals the network after a silent death; a failed heal fails the step only when the trial itself did not. */
    private void healAfter(int trial, boolean trialEnded) {
        try {
            context.report("silent death " + trial + " healed: " + Faults.heal(context));
        } catch (RuntimeException e) {
            if (trialEnded) {
                throw e;
            }
            context.report("silent death " + trial + ": the heal failed too (every fault is ended after the scenario): " + e.getMessage());
        }
    }

    @Then("the report shows, for each silent death, the slowest new client, where the clients landed and their failed connection attempts")
    public void theReportShowsEachSilentDeath() {
        assertThat(trials).as("silent deaths of coordinator-1 in this scenario").isNotEmpty();
        for (int i = 0; i < trials.size(); i++) {
            String key = "failover.silent-death." + (i + 1);
            Figures.record(key + ".slowest-new-client-seconds", Figures.seconds(trials.get(i).slowest()));
            Figures.record(key + ".failed-attempts", String.valueOf(trials.get(i).failedAttempts()));
            Figures.record(key + ".landed-on", String.valueOf(new java.util.TreeSet<>(trials.get(i).landedOn())));
        }
    }

    @Then("in each of them every new client landed on {node}, with no failed connection attempt")
    public void everyClientLandedOn(Node coordinator) {
        for (int i = 0; i < trials.size(); i++) {
            NewClients trial = trials.get(i);
            assertThat(trial.failedAttempts()).as("failed connection attempts in silent death %d:%s", i + 1, trial).isZero();
            assertThat(trial.landedOn()).as("where the clients of silent death %d landed:%s", i + 1, trial)
                    .hasSize(trial.count()).containsOnly(coordinator.name());
        }
    }

    @Then("the demo's claim of {string} {statedVerdict} for a silently dead coordinator, judged by the slowest client of the worst of them")
    public void theClaimIsJudgedByTheWorstTrial(String words, Verdict stated) {
        assertThat(trials).as("silent deaths of coordinator-1 in this scenario").isNotEmpty();
        List<Duration> slowest = trials.stream().map(NewClients::slowest).toList();
        FailoverVerdict.Judgement judgement = FailoverVerdict.judge(slowest);
        context.claimAsStated(SeedClaim.withWords(words), stated, Verdict.of(judgement.held()), String.format(Locale.ROOT,
                "coordinator-1 died silently %d times; the slowest new client of each, through the load balancer, had its connection after %s s; %s",
                trials.size(), slowest.stream().map(d -> String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0)).toList(), judgement.why()));
    }
}
