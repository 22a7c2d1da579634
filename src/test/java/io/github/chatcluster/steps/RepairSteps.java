package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.operations.ClusterOperations;
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
    public void disabledBehindTheSuitesBack(Node node) {
        ClusterOperations.forRepairs(context.cluster().coordinator1()).disableNode(node.name());
    }

    @When("the load balancer takes {node} out of its rotation after a connection to it fails")
    public void theLoadBalancerTakesOutOfRotation(Node coordinator) {
        context.report(damage().takeOutOfRotation(coordinator.name()));
    }

    @When("{node} is paused behind the suite's back")
    public void pausedBehindTheSuitesBack(Node node) {
        damage().pause(node.name());
    }

    @When("the check that runs before every scenario runs, as it does between two scenarios")
    public void theCheckRuns() {
        outcome = BaselineCheck.beforeScenario(context.cluster());
        context.report(outcome.text());
    }

    @Then("it found that {node} is paused, that {node} is not active and that new connections do not reach {node}")
    public void itFound(Node paused, Node inactive, Node outOfRotation) {
        assertThat(outcome).as("the check's outcome").isNotNull();
        assertThat(outcome.found()).as("what the check found").anySatisfy(f -> assertThat(f).contains(paused + " is paused"));
        assertThat(outcome.found()).anySatisfy(f -> assertThat(f).startsWith(inactive + " ").contains("not active"));
        // "0 of 6 went to coordinator-1": the named coordinator, not the other one
        assertThat(outcome.found()).anySatisfy(f -> assertThat(f).contains("do not reach both coordinators")
                .containsPattern("\\b0 of \\d+ went to " + java.util.regex.Pattern.quote(outOfRotation.name()) + "\\b"));
    }

    @Then("it repaired all of it within {int} seconds, after which the cluster is checked healthy")
    public void itRepairedAll(int seconds) {
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

    @Then("it dropped the index {word} through coordinator-1, after which the cluster is checked healthy")
    public void itDroppedTheIndex(String index) {
        assertThat(outcome).as("the check's outcome").isNotNull();
        assertThat(outcome.repairs()).as("repairs").anySatisfy(r -> assertThat(r).contains("dropped the index " + index + " through coordinator-1"));
        assertThat(new HealthyBaseline(context.cluster()).problems()).as("what is wrong after the repair").isEmpty();
    }
}
