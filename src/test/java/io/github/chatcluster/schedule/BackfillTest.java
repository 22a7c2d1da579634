package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackfillTest {

    private static final long NEVER = Long.MAX_VALUE;

    @Test
    void noOneGoesAheadOfAFirstWaiterThatCanGoItself() {
        assertThat(Backfill.goesAhead(3, 3, 1, 0, List.of())).isFalse();
    }

    @Test
    void aheadWhenItEndsBeforeTheFirstWaiterCanStart() {
        List<Backfill.Running> running = List.of(new Backfill.Running(200, 2)); // 1 place free, the first waiter wants 3
        assertThat(Backfill.goesAhead(1, 3, 1, 200, running)).as("ends as the first waiter starts").isTrue();
        assertThat(Backfill.goesAhead(1, 3, 1, 201, running)).as("ends after it").isFalse();
    }

    @Test
    void aheadWhenItLeavesTheFirstWaiterEnoughPlaces() {
        List<Backfill.Running> running = List.of(new Backfill.Running(100, 3)); // of 4 places
        assertThat(Backfill.goesAhead(1, 2, 1, 10_000, running)).as("3 come free: 2 for the first waiter, 1 for it").isTrue();
        assertThat(Backfill.goesAhead(1, 2, 2, 10_000, running)).as("it wants more than is free").isFalse();
        assertThat(Backfill.goesAhead(2, 3, 2, 10_000, List.of(new Backfill.Running(100, 2)))).as("4 come free: 3 for the first waiter, 1 left")
                .isFalse();
    }

    @Test
    void noOneGoesAheadWhenAScenarioTheFirstWaiterNeedsHasNoExpectedEnd() {
        assertThat(Backfill.goesAhead(1, 3, 1, 1, List.of(new Backfill.Running(NEVER, 2)))).isFalse();
        assertThat(Backfill.goesAhead(1, 3, 1, 1, List.of(new Backfill.Running(50, 1), new Backfill.Running(NEVER, 1))))
                .as("the one with an end frees too few places").isFalse();
        assertThat(Backfill.goesAhead(1, 3, 1, 1, List.of(new Backfill.Running(50, 1), new Backfill.Running(60, 1))))
                .as("the same with an end: it ends before them").isTrue();
    }

    @Test
    void amongOverdueScenariosTheOneHoldingMostIsCountedFirst() {
        // both overdue (expected to end now, at 0), 1 place free, the first waiter wants 3: counted largest first, it
        // starts when the 2-place one ends and nothing is left over, so a scenario that does not end at once is refused;
        // counted smallest first, 1 + 1 = 2 would not be enough, both would be counted and one place left over
        List<Backfill.Running> running = List.of(new Backfill.Running(0, 1), new Backfill.Running(0, 2));
        assertThat(Backfill.goesAhead(1, 3, 1, 5, running)).isFalse();
        assertThat(Backfill.goesAhead(1, 3, 1, 0, running)).as("one that ends at once goes").isTrue();
    }

    @Test
    void theSpeedIsTheMedianOfActualOverRecordedOnceFiveEnded() {
        Backfill backfill = new Backfill();
        for (int seconds : new int[] {10, 20, 30, 40}) {
            backfill.ended(Duration.ofSeconds(seconds), Duration.ofSeconds(40));
        }
        assertThat(backfill.speed()).as("four ended").isEqualTo(1);
        backfill.ended(Duration.ofSeconds(50), Duration.ofSeconds(40));
        assertThat(backfill.speed()).isEqualTo(0.75);
        assertThat(backfill.scaled(Duration.ofSeconds(100))).isEqualTo(Duration.ofSeconds(75).toNanos());
        backfill.ended(Duration.ofSeconds(5), Duration.ZERO);
        assertThat(backfill.speed()).as("a recorded time of zero is not counted").isEqualTo(0.75);
    }
}
