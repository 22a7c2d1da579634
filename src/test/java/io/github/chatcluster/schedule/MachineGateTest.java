package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MachineGateTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private final MachineGate gate = new MachineGate();
    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private final List<String> entered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void scenariosThatShareTheMachineRunTogether() throws Exception {
        try (var first = gate.enter(false, BOUND); var second = gate.enter(false, BOUND)) {
            assertThat(gate.inUse()).isEqualTo(2);
            assertThat(first.alone()).isFalse();
        }
        assertThat(gate.inUse()).isZero();
    }

    @Test
    void aScenarioAloneWaitsForTheRunningOnesAndTheOnesAfterItWaitForIt() throws Exception {
        MachineGate.Pass running = gate.enter(false, BOUND);
        Future<?> alone = enter("alone", true);
        Awaitility.await().atMost(BOUND).until(() -> threadsWaiting() == 1);
        Future<?> later = enter("later", false);
        Awaitility.await().atMost(BOUND).until(() -> threadsWaiting() == 2);
        assertThat(entered).as("neither may start while the first runs: the later one queues behind the one alone").isEmpty();

        running.close();
        Awaitility.await().atMost(BOUND).until(() -> entered.contains("alone"));
        assertThat(gate.inUse()).as("alone").isEqualTo(-1);
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
        MachineGate.Pass pass = gate.enter(false, BOUND);
        MachineGate.Pass other = gate.enter(false, BOUND);
        pass.close();
        pass.close();
        assertThat(gate.inUse()).isEqualTo(1);
        other.close();
    }

    @Test
    void aWaitLongerThanItsBoundFailsAndSaysWhy() throws Exception {
        try (var running = gate.enter(false, BOUND)) {
            assertThatThrownBy(() -> gate.enter(true, Duration.ofMillis(100)))
                    .hasMessageContaining("to be free of other scenarios");
        }
        try (var alone = gate.enter(true, BOUND)) {
            assertThatThrownBy(() -> gate.enter(false, Duration.ofMillis(100)))
                    .hasMessageContaining("while a scenario that measures it runs alone");
        }
        assertThat(gate.inUse()).isZero();
    }

    private final java.util.concurrent.BlockingQueue<Boolean> release = new java.util.concurrent.LinkedBlockingQueue<>();

    private Future<?> enter(String name, boolean alone) {
        return threads.submit(() -> {
            try (var pass = gate.enter(alone, BOUND)) {
                entered.add(name);
                release.poll(10, TimeUnit.SECONDS);
            }
            return null;
        });
    }

    private int threadsWaiting() {
        return gate.queueLength();
    }
}
