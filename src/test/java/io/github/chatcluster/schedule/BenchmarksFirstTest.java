package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BenchmarksFirstTest {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final long G = GRACE.toNanos();
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private final List<String> entered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theOthersAreHeldUntilEveryBenchmarkHasStartedAndNeverAgain() {
        BenchmarksFirst opening = new BenchmarksFirst(2, GRACE);
        opening.arrives(0);
        assertThat(opening.holds(0, true)).isTrue();
        opening.benchmarkStarts();
        assertThat(opening.holds(10 * G, true)).as("one benchmark still waits: past the grace too").isTrue();
        opening.benchmarkStarts();
        assertThat(opening.holds(10 * G, true)).isFalse();
        assertThat(opening.holds(10 * G, true)).as("over for good").isFalse();
    }

    @Test
    void withNoBenchmarkWaitingOrRunningTheOpeningEndsWithTheGrace() {
        BenchmarksFirst opening = new BenchmarksFirst(2, GRACE);
        opening.arrives(100);
        assertThat(opening.holds(100 + G - 1, false)).as("within the grace: a benchmark may be about to arrive").isTrue();
        assertThat(opening.nanosToLookAgain(100 + G - 1)).isEqualTo(1);
        assertThat(opening.holds(100 + G, false)).isFalse();
        assertThat(opening.holds(100 + G + 1, true)).as("a benchmark that comes later runs as any other does").isFalse();
    }

    @Test
    void theNextBenchmarkHasTheGraceFromTheEndOfTheLastOne() {
        BenchmarksFirst opening = new BenchmarksFirst(2, GRACE);
        opening.arrives(0);
        opening.benchmarkStarts();
        assertThat(opening.holds(40 * G, true)).isTrue();
        opening.benchmarkEnds(40 * G);
        assertThat(opening.holds(40 * G + G / 2, false)).as("the thread that ran it is about to take the next").isTrue();
        assertThat(opening.holds(41 * G, false)).as("it did not come").isFalse();
    }

    @Test
    void pastTheGraceAHeldScenarioWaitsToBeToldOfAChange() {
        BenchmarksFirst opening = new BenchmarksFirst(1, GRACE);
        opening.arrives(0);
        assertThat(opening.holds(2 * G, true)).isTrue();
        assertThat(opening.nanosToLookAgain(2 * G)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRunWithNoBenchmarkHasNoOpening() {
        assertThat(BenchmarksFirst.none().holds(0, false)).isFalse();
    }

    @Test
    void atTheGateABenchmarkThatArrivesJustAfterAnotherScenarioGoesFirst() throws Exception {
        MachineGate gate = new MachineGate(3);
        gate.benchmarksFirst(1, BOUND);
        Future<?> other = enter(gate, "other", 1, false);
        Awaitility.await().atMost(BOUND).until(() -> gate.queueLength() == 1);
        assertThat(entered).as("held while the benchmark may come").isEmpty();
        try (Pass benchmark = gate.enter("benchmark", 3, Optional.empty(), BOUND, true)) {
            assertThat(benchmark.alone()).isTrue();
            assertThat(entered).isEmpty();
        }
        other.get(10, TimeUnit.SECONDS);
        assertThat(entered).containsExactly("other");
    }

    @Test
    void atTheGateTheBenchmarksRunOneAfterTheOtherBeforeTheScenarioThatArrivedFirst() throws Exception {
        MachineGate gate = new MachineGate(3);
        gate.benchmarksFirst(2, BOUND);
        Pass first = gate.enter("first benchmark", 3, Optional.empty(), BOUND, true);
        Future<?> other = enter(gate, "other", 1, false);
        Awaitility.await().atMost(BOUND).until(() -> gate.queueLength() == 1);
        Future<?> second = enter(gate, "second benchmark", 3, true);
        Awaitility.await().atMost(BOUND).until(() -> gate.queueLength() == 2);
        first.close();
        other.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(entered).containsExactly("second benchmark", "other");
    }

    @Test
    void atTheGateTheOthersStayHeldWhileTheThreadThatRanABenchmarkBringsTheNext() throws Exception {
        MachineGate gate = new MachineGate(3);
        gate.benchmarksFirst(2, Duration.ofSeconds(2));
        Pass first = gate.enter("first benchmark", 3, Optional.empty(), BOUND, true);
        Future<?> other = enter(gate, "other", 1, false);
        Awaitility.await().atMost(BOUND).until(() -> gate.queueLength() == 1);
        first.close();
        try (Pass second = gate.enter("second benchmark", 3, Optional.empty(), BOUND, true)) {
            assertThat(second.alone()).isTrue();
            assertThat(entered).isEmpty();
        }
        other.get(10, TimeUnit.SECONDS);
        assertThat(entered).containsExactly("other");
    }

    @Test
    void atTheGateAScenarioIsHeldNoLongerThanTheGraceWhenNoBenchmarkComes() throws Exception {
        MachineGate gate = new MachineGate(3);
        gate.benchmarksFirst(1, Duration.ofMillis(300));
        long before = System.nanoTime();
        try (Pass other = gate.enter("other", 1, Optional.empty(), BOUND, false)) {
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }
        try (Pass next = gate.enter("next", 1, Optional.empty(), BOUND, false)) {
            assertThat(next.waited()).as("the opening is over").isLessThan(Duration.ofMillis(100));
        }
    }

    /** Enters in a thread of its own, and gives the places back at once. */
    private Future<?> enter(MachineGate gate, String name, int weight, boolean measures) {
        return threads.submit(() -> {
            try (Pass pass = gate.enter(name, weight, Optional.empty(), BOUND, measures)) {
                entered.add(name);
            }
            return null;
        });
    }
}
