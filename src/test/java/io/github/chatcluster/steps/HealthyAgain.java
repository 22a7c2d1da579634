package io.github.chatcluster.steps;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import io.github.chatcluster.health.HealthyBaseline;

/**
 * Whether the cluster became healthy by itself (checks only, no repair) within a bound counted from a moment that
 * has passed already (the heal): the polls run until that moment plus the bound, and the time is the end of the
 * first poll that found nothing wrong, counted from the moment.
 */
final class HealthyAgain {

    record Result(boolean healthy, Duration after, List<String> firstProblems, List<String> lastProblems) {
    }

    private HealthyAgain() {
    }

    static Result check(HealthyBaseline check, Instant from, Duration bound) {
        Instant deadline = from.plus(bound);
        AtomicReference<List<String>> first = new AtomicReference<>();
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        AtomicReference<Instant> healthyAt = new AtomicReference<>();
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            await("a healthy cluster").atMost(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).pollInSameThread().until(() -> {
                        List<String> problems = check.problems();
                        first.compareAndSet(null, problems);
                        last.set(problems);
                        if (problems.isEmpty()) {
                            healthyAt.set(Instant.now());
                        }
                        return problems.isEmpty();
                    });
        } catch (ConditionTimeoutException stillUnhealthy) {
            // judged below
        }
        if (healthyAt.get() == null && first.get() == null) {
            // the bound had passed before the first check: one check says how it stands now
            List<String> problems = check.problems();
            first.set(problems);
            last.set(problems);
            if (problems.isEmpty()) {
                healthyAt.set(Instant.now());
            }
        }
        Instant at = healthyAt.get();
        return new Result(at != null, at == null ? Duration.between(from, Instant.now()) : Duration.between(from, at),
                first.get(), last.get());
    }
}
