package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MachineGateTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private final MachineGate gate = new MachineGate(3);
    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private final List<String> entered = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Boolean> release = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    /** A gate of 3 places on the fake clock. */
    private final MachineGate timed = new MachineGate(3, clock::get);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void scenariosThatShareTheMachineRunTogether() throws Exception {
        try (var first = gate.enter("a", 1, BOUND); var second = gate.enter("b", 1, BOUND)) {
            assertThat(gate.inUse()).isEqualTo(2);
            assertThat(first.alone()).isFalse();
            assertThat(gate.running()).containsExactly("a (1 of 3)", "b (1 of 3)");
        }
        assertThat(gate.inUse()).isZero();
        assertThat(gate.running()).isEmpty();
    }

    @Test
    void aHeavyScenarioLeavesRoomForOneLightOne() throws Exception {
        try (var heavy = gate.enter("heavy", 2, BOUND); var light = gate.enter("light", 1, BOUND)) {
            assertThat(gate.inUse()).isEqualTo(3);
            assertThatThrownBy(() -> gate.enter("another", 1, Duration.ofMillis(100)))
                    .hasMessageContaining("1 of the machine's 3 places").hasMessageContaining("heavy (2 of 3)");
        }
    }

    @Test
    void aWeightBeyondThePlacesTakesAllOfThem() throws Exception {
        try (var alone = gate.enter("alone", 7, BOUND)) {
            assertThat(alone.alone()).isTrue();
            assertThat(alone.held()).isEqualTo(3);
        }
        MachineGate one = new MachineGate(1);
        try (var light = one.enter("light", 1, BOUND)) {
            assertThat(light.alone()).as("on a machine of one place every scenario is alone").isTrue();
        }
    }

    @Test
    void aScenarioAloneWaitsForTheRunningOnesAndTheOnesAfterItWaitForIt() throws Exception {
        Pass running = gate.enter("running", 1, BOUND);
        Future<?> alone = enter("alone", 3);
        Awaitility.await().atMost(BOUND).until(() -> gate.queueLength() == 1);
        Future<?> later = enter("later", 1);
        Awaitility.await().atMost(BOUND).until(() -> gate.queueLength() == 2);
        assertThat(entered).as("neither may start while the first runs: the later one queues behind the one alone").isEmpty();

        running.close();
        Awaitility.await().atMost(BOUND).until(() -> entered.contains("alone"));
        assertThat(gate.inUse()).as("alone").isEqualTo(3);
        assertThat(entered).containsExactly("alone");
        release.add(true);
        alone.get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(BOUND).until(() -> entered.contains("later"));
        release.add(true);
        later.get(10, TimeUnit.SECONDS);
        assertThat(gate.inUse()).isZero();
    }

    @Test
    void closingAPassTwiceGivesBackOnlyWhatItHeld() throws Exception {
        Pass pass = gate.enter("a", 1, BOUND);
        Pass other = gate.enter("b", 1, BOUND);
        pass.close();
        pass.close();
        assertThat(gate.inUse()).isEqualTo(1);
        other.close();
    }

    @Test
    void aWaitLongerThanItsBoundFailsAndSaysWhy() throws Exception {
        try (var running = gate.enter("running", 1, BOUND)) {
            assertThatThrownBy(() -> gate.enter("alone", 3, Duration.ofMillis(100)))
                    .hasMessageContaining("3 of the machine's 3 places").hasMessageContaining("running (1 of 3)");
        }
        assertThat(gate.inUse()).isZero();
    }

    @Test
    void aShortScenarioGoesAheadOfOneWaitingForTheWholeMachineWhenItEndsBeforeThePlacesComeFree() throws Exception {
        Pass quiet = timed.enter("mostly quiet", 2, expected(200), BOUND, false);
        Future<?> alone = queued(timed, "alone", 3, 1);
        clock.set(Duration.ofSeconds(50).toNanos());

        try (var shortOne = timed.enter("short", 1, expected(30), Duration.ofSeconds(2), false)) {
            assertThat(shortOne.wentAhead()).as("it ends at 80 s, the one alone can start at 200 s").isTrue();
        }
        refused(timed, "long", 1, expected(300), "it would end at 350 s: the one alone would wait for it");
        refused(timed, "unknown", 1, java.util.Optional.empty(), "with no expected time it never goes ahead");

        quiet.close();
        letRun(alone, 1);
        assertThat(timed.inUse()).isZero();
    }

    @Test
    void noOneGoesAheadOfAScenarioThatWaitsForOneWithNoExpectedEnd() throws Exception {
        Pass unknown = timed.enter("unknown", 2, java.util.Optional.empty(), BOUND, false);
        Future<?> heavy = queued(timed, "heavy", 2, 1);
        refused(timed, "short", 1, expected(1));
        unknown.close();
        letRun(heavy, 1);
    }

    @Test
    void aScenarioGoesAheadWhenItLeavesTheWaitingOneEnoughPlaces() throws Exception {
        MachineGate four = new MachineGate(4, clock::get);
        Pass running = four.enter("running", 3, expected(100), BOUND, false);
        Future<?> heavy = queued(four, "heavy", 2, 1);
        try (var longOne = four.enter("long", 1, expected(1000), Duration.ofSeconds(2), false)) {
            assertThat(longOne.wentAhead()).as("when the running one ends, 3 places come free: 2 for the heavy one, 1 for it").isTrue();
        }
        running.close();
        letRun(heavy, 1);
    }

    @Test
    void expectedTimesAreScaledByHowThisMachineCompares() throws Exception {
        assertThat(timed.speed()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            Pass pass = timed.enter("fast " + i, 1, expected(100), BOUND, false);
            clock.addAndGet(Duration.ofSeconds(40).toNanos());
            pass.close();
            assertThat(timed.speed()).as("not before five scenarios ended").isEqualTo(i < 4 ? 1 : 0.4);
        }
        long now = clock.get();
        Pass quiet = timed.enter("quiet", 2, expected(200), BOUND, false); // expected to end 80 s from now
        Future<?> alone = queued(timed, "alone", 3, 1);
        clock.set(now + Duration.ofSeconds(10).toNanos());
        try (var scaled = timed.enter("150 s recorded, 60 s here", 1, expected(150), Duration.ofSeconds(2), false)) {
            assertThat(scaled.wentAhead()).as("it ends 70 s from the start, the one alone starts at 80 s").isTrue();
        }
        refused(timed, "250 s recorded, 100 s here", 1, expected(250), "it would end at 110 s");
        quiet.close();
        letRun(alone, 1);
    }

    @Test
    void twoScenariosThatWaitAlikeAreTwoWaiters() throws Exception {
        Pass quiet = timed.enter("quiet", 2, expected(200), BOUND, false);
        Future<?> first = queued(timed, "alike", 3, 1);
        Future<?> second = queued(timed, "alike", 3, 2);
        try (var shortOne = timed.enter("short", 1, expected(10), Duration.ofSeconds(2), false)) {
            assertThat(shortOne.wentAhead()).isTrue();
        }
        assertThat(timed.queueLength()).as("the one that went ahead left the queue, and only it").isEqualTo(2);
        quiet.close();
        letRun(first, 1);
        letRun(second, 2);
        assertThat(timed.inUse()).isZero();
    }

    @Test
    void aQuietScenarioLendsAllItsPlacesToScenariosThatEndBeforeItWantsThemBack() throws Exception {
        Pass pooled = timed.enter("pooled", 2, expected(150), BOUND, false);
        Pass other = timed.enter("other", 1, expected(100), BOUND, false);
        Loan loan = pooled.lend(Duration.ofSeconds(60));
        Pass borrower = timed.enter("short", 1, expected(30), Duration.ofSeconds(2), false);
        assertThat(borrower.borrowed()).isTrue();
        assertThat(borrower.wentAhead()).as("no one waited").isFalse();
        Pass second = timed.enter("another short one", 1, expected(30), Duration.ofSeconds(2), false);
        assertThat(second.borrowed()).as("its other place").isTrue();
        refused(timed, "a third short one", 1, expected(30), "both lent places are taken");
        second.close();
        borrower.close();
        refused(timed, "long", 1, expected(90), "it would end after the quiet stretch");
        try (Pass again = timed.enter("short again", 1, expected(30), Duration.ofSeconds(2), false)) {
            assertThat(again.borrowed()).isTrue();
        }
        loan.takeBack(BOUND);
        assertThat(loan.describe()).contains("lent 2 of its places to 3 scenario(s)");
        refused(timed, "short after the loan", 1, expected(30), "taken back: the machine is full again");
        other.close();
        pooled.close();
        assertThat(timed.inUse()).isZero();
    }

    @Test
    void takingTheLoanBackWaitsForABorrowerThatRunsLongerThanExpected() throws Exception {
        Pass pooled = timed.enter("pooled", 2, expected(150), BOUND, false);
        Loan loan = pooled.lend(Duration.ofSeconds(60));
        Pass overrun = timed.enter("fits the loan", 1, expected(10), BOUND, false);
        assertThat(overrun.borrowed()).as("a loan that fits is taken before the free places").isTrue();
        assertThatThrownBy(() -> loan.takeBack(Duration.ofMillis(200))).hasMessageContaining("gave up")
                .hasMessageContaining("fits the loan");
        Pass onTheFreePlace = timed.enter("free", 1, expected(10), BOUND, false);
        assertThat(onTheFreePlace.borrowed()).isFalse();
        assertThat(timed.inUse()).isEqualTo(3);
        Loan rest = pooled.lend(Duration.ofSeconds(60));
        assertThat(rest.describe()).as("its lent place is still taken: only the other one to lend").startsWith("lent 1");
        rest.takeBack(BOUND);
        overrun.close();
        assertThat(timed.inUse()).as("the place came back to the one that lent it").isEqualTo(3);

        Loan second = pooled.lend(Duration.ofSeconds(60));
        Pass late = timed.enter("late", 1, expected(10), BOUND, false);
        assertThat(late.borrowed()).isTrue();
        assertThat(pooled.lend(Duration.ofSeconds(60)).describe()).as("one loan open at a time").startsWith("lent 0");
        Future<?> takingBack = threads.submit(() -> {
            second.takeBack(BOUND);
            return null;
        });
        assertThatThrownBy(() -> takingBack.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(java.util.concurrent.TimeoutException.class);
        late.close();
        takingBack.get(10, TimeUnit.SECONDS);
        onTheFreePlace.close();
        pooled.close();
        assertThat(timed.inUse()).isZero();
    }

    @Test
    void aLenderThatEndsLeavesItsBorrowersTheirPlacesAndFreesTheRest() throws Exception {
        Pass pooled = timed.enter("pooled", 2, expected(150), BOUND, false);
        Pass other = timed.enter("other", 1, expected(100), BOUND, false);
        pooled.lend(Duration.ofSeconds(60));
        Pass borrower = timed.enter("borrower", 1, expected(10), BOUND, false);
        pooled.close();
        assertThat(timed.inUse()).as("the other and the borrower").isEqualTo(2);
        try (Pass next = timed.enter("next", 1, expected(10), Duration.ofSeconds(2), false)) {
            assertThat(next.borrowed()).as("the loan ended with its lender: the place freed is the machine's").isFalse();
            refused(timed, "one more", 1, expected(10));
        }
        borrower.close();
        assertThat(timed.inUse()).as("the borrower's place went to the machine").isEqualTo(1);
        other.close();
        assertThat(timed.inUse()).isZero();
    }

    @Test
    void aLoanIsNoPlaceForTheFirstWaiterNorForOneThatWantsMoreThanItLends() throws Exception {
        Pass pooled = timed.enter("pooled", 2, expected(150), BOUND, false);
        Pass other = timed.enter("other", 1, expected(100), BOUND, false);
        Future<?> alone = queued(timed, "alone", 3, 1);
        Loan loan = pooled.lend(Duration.ofSeconds(60));
        assertThat(timed.queueLength()).as("the one alone still waits: lent places are not free").isEqualTo(1);
        refused(timed, "another one alone", 3, expected(10));
        try (Pass shortOne = timed.enter("short", 1, expected(10), Duration.ofSeconds(2), false)) {
            assertThat(shortOne.borrowed()).isTrue();
            assertThat(shortOne.wentAhead()).isTrue();
        }
        assertThat(timed.inUse()).isEqualTo(3);
        loan.takeBack(BOUND);
        other.close();
        pooled.close();
        letRun(alone, 1);
        try (Pass one = new MachineGate(3, clock::get).enter("one place", 1, expected(10), BOUND, false)) {
            assertThat(one.lend(Duration.ofSeconds(60)).describe()).as("a quiet scenario of one place lends it").startsWith("lent 1");
        }
    }

    /** The scenario is refused: it waits 100 ms at the gate, and gives up (the gate admits at once or not at all). */
    private static void refused(MachineGate on, String name, int weight, java.util.Optional<Duration> expected, String... why) {
        assertThatThrownBy(() -> on.enter(name, weight, expected, Duration.ofMillis(100), false))
                .as(why.length == 0 ? "refused" : why[0]).hasMessageContaining("gave up");
    }

    private static java.util.Optional<Duration> expected(int seconds) {
        return java.util.Optional.of(Duration.ofSeconds(seconds));
    }

    /** A scenario (expected to take 60 s) that enters in a thread of its own: returns once it is the queue's {@code position}-th. */
    private Future<?> queued(MachineGate on, String name, int weight, int position) {
        Future<?> waiting = threads.submit(() -> {
            try (var pass = on.enter(name, weight, expected(60), BOUND, false)) {
                entered.add(name);
                release.poll(10, TimeUnit.SECONDS);
            }
            return null;
        });
        Awaitility.await().atMost(BOUND).until(() -> on.queueLength() == position);
        return waiting;
    }

    /** Waits until the {@code count}-th queued scenario has entered, then lets it end. */
    private void letRun(Future<?> scenario, int count) throws Exception {
        Awaitility.await().atMost(BOUND).until(() -> entered.size() == count);
        release.add(true);
        scenario.get(10, TimeUnit.SECONDS);
    }

    private Future<?> enter(String name, int weight) {
        return threads.submit(() -> {
            try (var pass = gate.enter(name, weight, BOUND)) {
                entered.add(name);
                release.poll(10, TimeUnit.SECONDS);
            }
            return null;
        });
    }
}
