package io.github.chatcluster.health;

import io.github.chatcluster.cluster.NodeSessions;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Text;

/**
 * The state every scenario starts from, checked before each one whatever ran before it: a list of
 * {@link Condition}s, each a check and its repair, in the order they depend on each other: no packet filter rule in
 * any node's namespace; every container running, unpaused, on the network under its name; every node answering; no
 * prepared transaction left in doubt; no busy session of an earlier scenario; the node metadata in step on both
 * coordinators; every table of the schema distributed and co-located with rooms, or a reference table, alike on both
 * coordinators, each with the columns it had when the cluster was first checked; the six nodes and no other, with no node's metadata listing copies of a removed node; nothing an
 * operation left behind; two copies of every shard, each answering a read; the same number of copies on each worker;
 * the load balancer reaching both coordinators.
 * Where the state is wrong, the repairs run in rounds within {@link #REPAIR_BOUND}; where that does not make it
 * healthy, {@link ClusterUnhealthyException} names everything that is still wrong.
 */
public final class HealthyBaseline {

    /** The longest a repair may take before the cluster is declared beyond repair. */
    public static final Duration REPAIR_BOUND = Duration.ofSeconds(120);
    /** How long one round of repairs may take to show its effect before the next round. */
    private static final Duration ROUND = Duration.ofSeconds(10);

    /**
     * What was found wrong and what was done about it, before one scenario, and what the last check found (empty:
     * healthy; {@link #establish()} throws otherwise, so an outcome it returns always ends healthy).
     */
    public record Outcome(List<String> found, List<String> repairs, Duration took, List<String> leftAfter,
                          Map<String, Duration> firstLook) {
        public boolean endedHealthy() {
            return leftAfter.isEmpty();
        }

        public boolean wasHealthy() {
            return found.isEmpty();
        }

        public String text() {
            String seconds = String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
            if (wasHealthy()) {
                return "The cluster was checked healthy before this scenario (" + seconds + ").";
            }
            return "Before this scenario the cluster was not healthy:\n  - " + String.join("\n  - ", found)
                    + "\nRepaired within " + seconds + ":\n  - " + String.join("\n  - ", repairs)
                    + "\nand then checked healthy.";
        }
    }

    /** The cluster could not be made healthy: the message lists everything still wrong. */
    public static final class ClusterUnhealthyException extends IllegalStateException {
        ClusterUnhealthyException(String message) {
            super(message);
        }
    }

    private final ChatCluster cluster;
    private final List<Condition> conditions = List.of(
            // First: nginx takes a failed coordinator back by itself after its fail_timeout (10 s), so what it does is
            // looked at before anything else takes time (a slow machine's check took longer than that to reach it).
            new LoadBalancerReachesBoth(),
            new Conditions.NoPacketRules(),
            new Conditions.ContainersAsStarted(),
            new Conditions.EveryNodeAnswers(ROUND),
            new CitusConditions.NoPreparedTransactions(),
            new CitusConditions.NoLeftoverSessions(),
            new CitusConditions.NodeMetadataInStep(),
            new SchemaAsDesigned(),
            new ColumnsAsAtStart(),
            new IndexesValid(),
            new OperationConditions.TheSixNodes(),
            new OperationConditions.NoCopiesOfRemovedNodes(),
            new OperationConditions.NoOperationLeftovers(),
            new CitusConditions.TwoCopiesOfEveryShard(),
            new OperationConditions.EvenShardCopies());

    public HealthyBaseline(ChatCluster cluster) {
        this.cluster = cluster;
    }

    /** Checks the cluster, repairs what is wrong, and checks again; throws when it stays unhealthy. */
    public Outcome establish() {
        Instant start = Instant.now();
        Map<String, Duration> firstLook = new LinkedHashMap<>();
        List<String> found = new ArrayList<>(problems(firstLook));
        if (found.isEmpty()) {
            return new Outcome(List.of(), List.of(), Duration.between(start, Instant.now()), List.of(), firstLook);
        }
        Instant deadline = start.plus(REPAIR_BOUND);
        List<String> repairs = new ArrayList<>();
        List<String> left = found;
        // Rounds of repair: one repair can need another first, and some states settle on their own (Citus's
        // maintenance daemon). Two rounds in a row with no repair made and no change: nothing here can repair it.
        int idleRounds = 0;
        while (!left.isEmpty() && Instant.now().isBefore(deadline) && idleRounds < 2) {
            int repairsBefore = repairs.size();
            List<String> before = left;
            repairRound(found, repairs);
            Instant roundEnd = Instant.now().plus(ROUND);
            left = awaitNoProblems(roundEnd.isBefore(deadline) ? roundEnd : deadline);
            idleRounds = repairs.size() == repairsBefore && left.equals(before) ? idleRounds + 1 : 0;
        }
        if (!left.isEmpty()) {
            throw new ClusterUnhealthyException("The cluster is not healthy before this scenario, and "
                    + String.format(Locale.ROOT, "%d s", Duration.between(start, Instant.now()).toSeconds())
                    + " of repair (at most " + REPAIR_BOUND.toSeconds() + " s) did not change that. Still wrong:\n  - " + String.join("\n  - ", left)
                    + "\nFound at first:\n  - " + String.join("\n  - ", found)
                    + "\nRepairs tried:\n  - " + (repairs.isEmpty() ? "none" : String.join("\n  - ", repairs))
                    + "\nThe next scenario starts from a rebuilt cluster.");
        }
        return new Outcome(found, repairs, Duration.between(start, Instant.now()), left, firstLook);
    }

    /**
     * What the check finds wrong with the schema alone (its tables and its indexes): what a scenario that changes the
     * schema looks at while its clients run (their sessions are what the whole check would name first).
     */
    public List<String> schemaProblems() {
        NodeSessions sessions = NodeSessions.of(cluster);
        List<String> problems = new ArrayList<>();
        conditions.stream().filter(c -> c instanceof SchemaAsDesigned || c instanceof IndexesValid)
                .forEach(c -> problems.addAll(check(c, sessions)));
        return problems;
    }

    /** Everything that is wrong now, one line each; empty for a healthy cluster. */
    public List<String> problems() {
        return problems(new LinkedHashMap<>());
    }

    /** {@link #problems()}, and how long each condition's look took, by what it checks (in the order looked at). */
    private List<String> problems(Map<String, Duration> took) {
        NodeSessions sessions = NodeSessions.of(cluster);
        List<String> problems = new ArrayList<>();
        for (Condition condition : conditions) {
            boolean basicProblems = !problems.isEmpty();
            if (basicProblems && !condition.isBasic()) {
                break; // what Citus and nginx report means little while a node is down
            }
            long started = System.nanoTime();
            problems.addAll(check(condition, sessions));
            took.put(condition.what(), Duration.ofNanos(System.nanoTime() - started));
        }
        sessions.flushStatistics(); // the scans of this look are counted now, not in the middle of the next scenario
        return problems;
    }

    /**
     * One round: the basic conditions are checked and repaired first, in order (while a node is down, what Citus and
     * nginx report means little); then every other condition is judged at once, and what it finds added to what was
     * found (before slow repairs such as a shard copy run: nginx forgets a failed coordinator by itself after its
     * fail_timeout); then each that did not hold is repaired, in order. A repair that fails is listed and the next one
     * tried.
     */
    private void repairRound(List<String> found, List<String> repairs) {
        NodeSessions sessions = NodeSessions.of(cluster);
        List<Condition> wrong = new ArrayList<>();
        for (Condition condition : conditions.stream().filter(Condition::isBasic).toList()) {
            if (!judge(condition, sessions, found).isEmpty()) {
                repair(condition, sessions, repairs);
            }
        }
        for (Condition condition : conditions.stream().filter(c -> !c.isBasic()).toList()) {
            if (!judge(condition, sessions, found).isEmpty()) {
                wrong.add(condition);
            }
        }
        wrong.forEach(condition -> repair(condition, sessions, repairs));
    }

    private static List<String> judge(Condition condition, NodeSessions sessions, List<String> found) {
        List<String> problems = check(condition, sessions);
        problems.stream().filter(p -> !found.contains(p)).forEach(found::add);
        return problems;
    }

    private static void repair(Condition condition, NodeSessions sessions, List<String> repairs) {
        try {
            repairs.addAll(condition.repair(sessions));
        } catch (RuntimeException e) {
            repairs.add("repairing " + condition.what() + " failed: " + Text.firstLine(e.getMessage()));
        }
    }

    private static List<String> check(Condition condition, NodeSessions sessions) {
        try {
            return condition.problems(sessions);
        } catch (RuntimeException e) {
            return List.of(condition.what() + " could not be checked: " + Text.firstLine(e.getMessage()));
        }
    }

    /** Polls until nothing is wrong or the deadline passes; returns what was wrong at the last poll. */
    private List<String> awaitNoProblems(Instant deadline) {
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        try {
            await("a healthy cluster").atMost(remaining(deadline)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).pollInSameThread().until(() -> {
                        last.set(problems());
                        return last.get().isEmpty();
                    });
            return List.of();
        } catch (ConditionTimeoutException e) {
            return last.get();
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }
}
