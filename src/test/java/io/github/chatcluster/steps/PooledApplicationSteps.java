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
import io.github.chatcluster.app.pool.WarmUp;
import io.github.chatcluster.report.ConcurrentWritesVerdict;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.SeedClaim;
import io.github.chatcluster.report.Verdict;

/** Two applications, each with its own pool of sessions through the load balancer, in bursts with quiet stretches. */
public class PooledApplicationSteps {

    /** Longer than any scenario that borrowed a place runs beyond its expected end. */
    private static final Duration TAKE_BACK_BOUND = Duration.ofMinutes(10);
    private final ScenarioContext context;
    private final List<PooledApplication> applications = new ArrayList<>();
    private final List<PooledApplication.Burst> bursts = new ArrayList<>();
    /** The label of each burst that came after a quiet stretch with no fault, for the idle-drop check. */
    private final List<String> afterQuiet = new ArrayList<>();
    /** The label of each burst of warm sessions with no fault in force: the bursts the claim is judged on. */
    private final List<String> warmWithNoFault = new ArrayList<>();
    private String lastEvent = "start";
    private int burstNumber;
    private int quietStretches;
    private boolean warm;

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

    @When("every session of both applications writes to each room once, {int} sessions at a time, in rounds until one has no failure")
    public void warmUp(int atOnce) {
        List<WarmUp> outcomes = applications.stream().map(a -> a.warmUp(atOnce)).toList();
        outcomes.forEach(o -> context.report("warm-up of " + o));
        assertThat(outcomes).as("warm-ups whose last round still had failures (the pool then holds cold sessions)")
                .allMatch(WarmUp::clean);
        warm = true;
        lastEvent = "warm-up";
    }

    @When("both applications send a burst: every session writes a message and reads its room's latest messages, all at once")
    public void aBurst() {
        String label = "burst " + (++burstNumber) + " (after " + lastEvent + ")";
        boolean noFault = context.cluster().faults().damagedNodes().isEmpty();
        if (lastEvent.startsWith("quiet") && noFault) {
            afterQuiet.add(label);
        }
        if (warm && noFault) {
            warmWithNoFault.add(label);
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

    /**
     * While quiet, the scenario lends all its places on the machine to scenarios expected to end before the
     * stretch does; the stretch lasts until a borrower that runs longer has ended (the report and a figure give how
     * long it was quiet in all).
     */
    @When("both applications stay quiet for {int} seconds")
    public void quiet(int seconds) throws InterruptedException {
        java.time.Instant start = java.time.Instant.now();
        io.github.chatcluster.schedule.Loan loan = context.places().lend(Duration.ofSeconds(seconds));
        try {
            io.github.chatcluster.waits.Stretch.lasting(Duration.ofSeconds(seconds), "a quiet stretch of " + seconds + " s");
        } finally {
            loan.takeBack(TAKE_BACK_BOUND);
        }
        Duration quiet = Duration.between(start, java.time.Instant.now());
        Figures.record("pools.quiet-" + (++quietStretches) + "-seconds", Figures.seconds(quiet));
        context.report(String.format(java.util.Locale.ROOT, "quiet for %.1f s: %s", quiet.toMillis() / 1000.0, loan.describe()));
        lastEvent = "quiet " + seconds + " s";
    }

    @When("coordinator-1 stops cleanly while the applications are quiet")
    public void coordinatorStops() {
        context.cluster().faults().stop(io.github.chatcluster.cluster.ChatCluster.COORDINATOR_1);
        // the sessions on coordinator-1 are broken: the pool replaces them with new, cold ones
        warm = false;
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
     * stretch; a write the cluster refused is not that. Reported, with the count as a figure. (Refusals after a quiet
     * minute came from cold sessions: a session dropped by the pool after a refusal in the burst before is replaced by a
     * new one, which opens its coordinator's connections to the other nodes during the next burst.)
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

    @Then("the demo's claim of {string} {statedVerdict}, judged by whether every write of the bursts of warm sessions with no fault was acknowledged")
    public void concurrentWritesJudged(String words, Verdict stated) {
        ConcurrentWritesVerdict.Judgement j = ConcurrentWritesVerdict.judge(bursts.stream().map(b -> new ConcurrentWritesVerdict.Burst(
                b.application() + ", " + b.label(), warmWithNoFault.contains(b.label()), b.sessions(), b.acknowledged(), b.failures())).toList());
        context.claimAsStated(SeedClaim.withWords(words), stated, j.verdict(), "two applications, "
                + applications.size() + " pools of sessions through the load balancer, all writing at once: " + j.why());
    }

    @After(order = 1)
    public void closeThePools() {
        applications.forEach(PooledApplication::close);
    }
}
