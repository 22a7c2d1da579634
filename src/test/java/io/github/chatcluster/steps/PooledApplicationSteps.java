package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.pool.PooledApplication;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;

/** Two applications, each with its own pool of sessions through the load balancer, in bursts with quiet stretches. */
public class PooledApplicationSteps {

    private final ScenarioContext context;
    private final List<PooledApplication> applications = new ArrayList<>();
    private final List<PooledApplication.Burst> bursts = new ArrayList<>();
    /** The label of each burst that came after a quiet stretch with no fault, for the idle-drop check. */
    private final List<String> afterQuiet = new ArrayList<>();
    private String lastEvent = "start";
    private int burstNumber;

    public PooledApplicationSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("two applications, each with a pool of {int} sessions through the load balancer, all open")
    public void twoApplications(int size) {
        for (String name : List.of("application-1", "application-2")) {
            PooledApplication app = new PooledApplication(name, context.cluster().loadBalancer(), size, context.acks(), context.rooms());
            applications.add(app);
        }
        applications.forEach(PooledApplication::awaitAllOpen);
        applications.forEach(a -> context.report(a.name() + ": " + a.poolState()));
    }

    @When("both applications send a burst: every session writes a message and reads its room's latest messages, all at once")
    public void aBurst() {
        String label = "burst " + (++burstNumber) + " (after " + lastEvent + ")";
        if (lastEvent.startsWith("quiet") && context.cluster().faults().damagedNodes().isEmpty()) {
            afterQuiet.add(label);
        }
        List<java.util.concurrent.CompletableFuture<PooledApplication.Burst>> running = applications.stream()
                .map(a -> java.util.concurrent.CompletableFuture.supplyAsync(() -> a.burst(label), runnable -> {
                    Thread t = new Thread(runnable, a.name() + " burst");
                    t.start();
                })).toList();
        for (var f : running) {
            PooledApplication.Burst b = f.orTimeout(120, java.util.concurrent.TimeUnit.SECONDS).join();
            bursts.add(b);
            context.report(b.toString());
        }
        lastEvent = "burst " + burstNumber;
    }

    @When("both applications stay quiet for {int} seconds")
    public void quiet(int seconds) {
        org.awaitility.Awaitility.await("a quiet stretch of " + seconds + " s").pollDelay(Duration.ofSeconds(seconds))
                .atMost(Duration.ofSeconds(seconds + 2)).until(() -> true);
        lastEvent = "quiet " + seconds + " s";
    }

    @When("coordinator-1 stops cleanly while the applications are quiet")
    public void coordinatorStops() {
        context.cluster().faults().stop(io.github.chatcluster.cluster.ChatCluster.COORDINATOR_1);
        lastEvent = "coordinator-1 stopped";
    }

    @When("coordinator-1 is started again while the applications are quiet, and has recovered its two-phase commits")
    public void coordinatorStarts() {
        context.cluster().faults().start(io.github.chatcluster.cluster.ChatCluster.COORDINATOR_1);
        io.github.chatcluster.operations.ClusterOperations.forRepairs(context.cluster().coordinator1()).recoverTwoPhaseCommits();
        lastEvent = "coordinator-1 back";
    }

    @Then("the report shows, for each burst, what the sessions saw: writes acknowledged, failures by SQLSTATE, the longest wait for a session, and the pools before and after")
    public void theReportShowsTheBursts() {
        assertThat(bursts).as("bursts sent").isNotEmpty();
        StringBuilder text = new StringBuilder();
        for (PooledApplication.Burst b : bursts) {
            text.append(b).append('\n');
            String key = "pools." + Figures.key(b.application()) + "." + Figures.key(b.label());
            Figures.record(key + ".acknowledged", b.acknowledged() + " of " + b.sessions());
            Figures.record(key + ".failures", b.failures().toString());
            Figures.record(key + ".longest-borrow-seconds", Figures.seconds(b.longestBorrow()));
        }
        context.attachText("what the pooled sessions saw, burst by burst", text.toString());
    }

    /**
     * A session dropped while idle fails on the client's side (no answer from the server) in the burst after the quiet
     * stretch; a write the cluster refused is not that (it counts against the claim of concurrent writes). Reported, with
     * the count as a figure: one CI run of 1 Dec 2026 had 15 of 200 writes fail with 08006 in the burst after the first
     * quiet minute, and its cause is not known yet (the failures now keep their message).
     */
    @Then("the report shows how many sessions were found broken in the bursts after a quiet stretch with no fault, and what the cluster refused in them")
    public void idleDrops() {
        assertThat(afterQuiet).as("bursts after a quiet stretch with no fault").isNotEmpty();
        List<PooledApplication.Burst> quiet = bursts.stream().filter(b -> afterQuiet.contains(b.label())).toList();
        long broken = quiet.stream().flatMap(b -> b.failures().entrySet().stream())
                .filter(e -> e.getKey().contains("session broken") || e.getKey().startsWith("borrow")).mapToLong(e -> e.getValue()).sum();
        long refused = quiet.stream().flatMap(b -> b.failures().entrySet().stream())
                .filter(e -> e.getKey().contains("refused by the cluster")).mapToLong(e -> e.getValue()).sum();
        Figures.record("pools.after-quiet.sessions-broken", String.valueOf(broken));
        Figures.record("pools.after-quiet.writes-refused", String.valueOf(refused));
        context.report(String.format(java.util.Locale.ROOT, "after the quiet stretches: %d sessions found broken (dropped while idle),"
                + " %d writes refused by the cluster; %s", broken, refused, quiet));
    }

    @Then("the demo's claim of {string} is judged by whether every write of the bursts before the fault and after the recovery was acknowledged")
    public void concurrentWritesJudged(String words) {
        List<PooledApplication.Burst> calm = bursts.stream().filter(b -> !b.label().contains("coordinator-1 stopped")).toList();
        int sessions = calm.stream().mapToInt(PooledApplication.Burst::sessions).sum();
        int acknowledged = calm.stream().mapToInt(PooledApplication.Burst::acknowledged).sum();
        String during = bursts.stream().filter(b -> b.label().contains("coordinator-1 stopped")).map(PooledApplication.Burst::toString)
                .reduce((a, b) -> a + "; " + b).orElse("no burst during the fault");
        context.claim(SeedClaim.withWords(words), acknowledged == sessions && sessions > 0, String.format(java.util.Locale.ROOT,
                "two applications, %d pooled sessions in all through the load balancer, all writing at once: %d of %d writes"
                        + " acknowledged in the bursts with no fault; during coordinator-1's outage: %s",
                applications.stream().mapToInt(a -> calm.isEmpty() ? 0 : calm.get(0).sessions()).sum(), acknowledged, sessions, during));
    }

    @After(order = 1)
    public void closeThePools() {
        applications.forEach(PooledApplication::close);
    }
}
