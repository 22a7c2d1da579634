package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.catalog.ClusterOperator;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.DeliberateDamage;
import io.github.chatcluster.health.HealthyBaseline;

/** The test of the check and repair that runs before every scenario. */
public class RepairSteps {

    private final ScenarioContext context;
    private HealthyBaseline.Outcome outcome;

    public RepairSteps(ScenarioContext context) {
        this.context = context;
    }

    private DeliberateDamage damage() {
        return new DeliberateDamage(context.cluster());
    }

    @When("{node} is disabled behind the suite's back")
    public void disabledBehindTheSuitesBack(String node) {
        new ClusterOperator(context.cluster().coordinator1()).disable(node);
    }

    @When("the load balancer takes {node} out of its rotation after a connection to it fails")
    public void theLoadBalancerTakesOutOfRotation(String coordinator) {
        context.report(damage().takeOutOfRotation(coordinator));
    }

    @When("{node} is paused behind the suite's back")
    public void pausedBehindTheSuitesBack(String node) {
        damage().pause(node);
    }

    @Then("the check that runs before every scenario finds that {string}, that {string} and that new connections do not reach {string}")
    public void theCheckFinds(String paused, String inactive, String outOfRotation) {
        outcome = new HealthyBaseline(context.cluster()).establish();
        context.report(outcome.text());
        assertThat(outcome.found()).as("what the check found").anySatisfy(f -> assertThat(f).contains(paused));
        assertThat(outcome.found()).anySatisfy(f -> assertThat(f).startsWith(inactive.replace(" is not active", "")).contains("not active"));
        assertThat(outcome.found()).anySatisfy(f -> assertThat(f).contains("do not reach both coordinators").contains("0 of"));
        assertThat(outOfRotation).isEqualTo(ChatCluster.COORDINATOR_1);
    }

    @Then("it repairs all of it within {int} seconds, after which the cluster is checked healthy")
    public void itRepairsAll(int seconds) {
        assertThat(outcome.took()).as("time the check and its repairs took").isLessThanOrEqualTo(Duration.ofSeconds(seconds));
        assertThat(outcome.repairs()).as("repairs").anySatisfy(r -> assertThat(r).contains("coordinator-2 is paused"))
                .anySatisfy(r -> assertThat(r).contains("activated worker-2"));
        // nginx takes a coordinator back by itself after its fail_timeout: on a slow machine that can come
        // before the repair reaches the load balancer. Either way new connections must reach both again.
        boolean nginxReset = outcome.repairs().stream().anyMatch(r -> r.contains("forget"));
        context.report(nginxReset ? "the load balancer was made to forget its failed connections"
                : "the load balancer had taken coordinator-1 back by itself before the repair reached it");
        assertThat(new HealthyBaseline(context.cluster()).problems()).as("what is wrong after the repair").isEmpty();
    }

    @When("the cluster is damaged in the same three ways again and left so when this scenario ends")
    public void damagedAgainAndLeft() {
        disabledBehindTheSuitesBack("worker-2");
        theLoadBalancerTakesOutOfRotation(ChatCluster.COORDINATOR_1);
        pausedBehindTheSuitesBack(ChatCluster.COORDINATOR_2);
        ClusterHooks.leaveDamagedForTheNextScenario(context.scenarioName());
    }

    @Then("the check before the next scenario repairs it, as that scenario's report and summary.txt show")
    public void theNextCheckRepairsIt() {
        assertThat(new HealthyBaseline(context.cluster()).problems()).as("the damage left for the next scenario")
                .anySatisfy(p -> assertThat(p).contains("coordinator-2 is paused"));
    }
}
