package io.github.chatcluster.waits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BoundedStopTest {

    @Test
    void aThreadThatEndsWhenInterruptedIsStoppedAtOnce() {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        CountDownLatch never = new CountDownLatch(1);
        threads.submit(() -> {
            never.await();
            return null;
        });
        long start = System.nanoTime();
        assertThat(BoundedStop.now(threads, Duration.ofSeconds(5), "a test")).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aThreadThatIgnoresInterruptsIsGivenUpOnAfterItsBound() throws InterruptedException {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        threads.submit(() -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a thread deaf to interrupts, as one blocked in a socket read without a timeout
                }
            }
        });
        assertThat(BoundedStop.now(threads, Duration.ofMillis(100), "a test")).isFalse();
        release.countDown();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aThreadGivenGraceFinishesItsWorkUninterrupted() {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        CountDownLatch done = new CountDownLatch(1);
        threads.submit(done::countDown);
        assertThat(BoundedStop.after(threads, Duration.ofSeconds(5), Duration.ofSeconds(1), "a test")).isTrue();
        assertThat(done.getCount()).isZero();
    }
}
