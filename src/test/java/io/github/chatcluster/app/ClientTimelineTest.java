package io.github.chatcluster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClientTimelineTest {

    private final Instant t0 = Instant.parse("2026-12-01T12:00:00Z");

    private Instant at(double seconds) {
        return t0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void theLongestGapIsTheOneThatOverlapsTheWindow() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(1), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(2), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(9), ClientTimeline.Kind.SUCCESS, null); // 7 s gap, before the window
        t.add(at(10), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(11.5), ClientTimeline.Kind.FAILED_ATTEMPT, "XX000: version differs");
        t.add(at(12), ClientTimeline.Kind.FAILED_ATTEMPT, "XX000: version differs");
        t.add(at(14), ClientTimeline.Kind.SUCCESS, null); // 4 s gap, begins in the window
        t.add(at(15), ClientTimeline.Kind.SUCCESS, null);
        t.stopped(at(20));
        ClientTimeline.Window w = t.within(at(11), at(13));
        assertThat(w.longestGap()).isEqualTo(Duration.ofSeconds(4));
        assertThat(w.successes()).isZero();
        assertThat(w.failedAttempts()).isEqualTo(2);
        assertThat(w.errors()).containsEntry("XX000: version differs", 2);
        assertThat(w.topErrors(1)).isEqualTo("2× XX000: version differs");
    }

    @Test
    void aSuccessAfterFailedAttemptsIsAWriteRetriedToSuccess() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(1), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(2), ClientTimeline.Kind.FAILED_ATTEMPT, "08006: connection lost");
        t.add(at(3), ClientTimeline.Kind.FAILED_ATTEMPT, "08006: connection lost");
        t.add(at(4), ClientTimeline.Kind.SUCCESS, null); // one write, retried to success
        t.add(at(5), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(6), ClientTimeline.Kind.FAILED_ATTEMPT, "57P01: terminating connection");
        t.add(at(7), ClientTimeline.Kind.REFUSED, "57P01: terminating connection"); // given up: not retried to success
        t.add(at(8), ClientTimeline.Kind.SUCCESS, null);
        t.stopped(at(9));
        ClientTimeline.Window w = t.within(at(0), at(9));
        assertThat(w.retriedToSuccess()).isEqualTo(1);
        assertThat(w.failedAttempts()).isEqualTo(3);
        assertThat(w.refused()).isEqualTo(1);
    }

    @Test
    void noSuccessSinceTheWindowBeganCountsUntilTheLoadStopped() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(1), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(5), ClientTimeline.Kind.REFUSED, "57P01: terminating connection");
        t.stopped(at(8));
        ClientTimeline.Window w = t.within(at(4), at(6));
        assertThat(w.longestGap()).isEqualTo(Duration.ofSeconds(7));
        assertThat(w.refused()).isEqualTo(1);
    }

    @Test
    void aWindowWithSuccessesOnlyHasTheirGaps() {
        ClientTimeline t = new ClientTimeline(t0);
        for (int i = 1; i <= 10; i++) {
            t.add(at(i * 0.5), ClientTimeline.Kind.SUCCESS, null);
        }
        t.stopped(at(5.2));
        ClientTimeline.Window w = t.within(at(2), at(3));
        assertThat(w.longestGap()).isEqualTo(Duration.ofMillis(500));
        assertThat(w.successes()).isEqualTo(3);
        assertThat(w.topErrors(3)).isEqualTo("none");
    }

    @Test
    void anOutageIsNotCountedInTheGapsItFallsIn() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(1), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(25), ClientTimeline.Kind.SUCCESS, null); // 24 s gap, 18 s of it the outage from 4 to 22
        t.add(at(26), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(33), ClientTimeline.Kind.SUCCESS, null); // 7 s gap after the outage: the longest left
        t.stopped(at(34));
        assertThat(t.longestGapNotCounting(at(4), at(22))).isEqualTo(Duration.ofSeconds(7));
        assertThat(t.within(at(4), at(22)).longestGap()).isEqualTo(Duration.ofSeconds(24));
    }

    @Test
    void aGapThatOutlastsTheOutageOnBothSidesKeepsWhatIsOutsideIt() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(2), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(40), ClientTimeline.Kind.SUCCESS, null); // 38 s gap, 10 s of it the outage from 10 to 20
        t.stopped(at(41));
        assertThat(t.longestGapNotCounting(at(10), at(20))).isEqualTo(Duration.ofSeconds(28));
    }

    @Test
    void theTimeBeforeTheFirstSuccessAndAfterTheLastCountsToo() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(12), ClientTimeline.Kind.SUCCESS, null); // 12 s from the start, 2 s of it the outage from 10 to 30
        t.stopped(at(40)); // 28 s after the last success, 18 s of it the outage
        assertThat(t.longestGapNotCounting(at(10), at(30))).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.longestGapNotCounting(at(50), at(60))).isEqualTo(Duration.ofSeconds(28));
    }

    @Test
    void withinAPartOfTheLoadOnlyTheGapsThatOverlapItCount() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(1), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(31), ClientTimeline.Kind.SUCCESS, null); // 30 s gap before the part from 40 to 70
        t.add(at(45), ClientTimeline.Kind.SUCCESS, null); // 14 s gap overlapping the part
        t.add(at(65), ClientTimeline.Kind.SUCCESS, null); // 20 s gap, 12 s of it the node down from 50 to 62
        t.stopped(at(66));
        assertThat(t.longestGapNotCounting(at(40), at(70), List.of(new ClientTimeline.Interval(at(50), at(62)))))
                .isEqualTo(Duration.ofSeconds(14));
        assertThat(t.longestGapNotCounting(at(40), at(70), List.of())).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aGapOverTwoRestartsLeavesOutBoth() {
        ClientTimeline t = new ClientTimeline(t0);
        t.add(at(1), ClientTimeline.Kind.SUCCESS, null);
        t.add(at(29), ClientTimeline.Kind.SUCCESS, null); // 28 s: node A down 3-10, node B down 15-22, 14 s left
        t.stopped(at(30));
        List<ClientTimeline.Interval> restarts = List.of(new ClientTimeline.Interval(at(3), at(10)), new ClientTimeline.Interval(at(15), at(22)));
        assertThat(t.longestGapNotCounting(at(3), at(15), restarts)).isEqualTo(Duration.ofSeconds(14));
        assertThat(t.longestGapNotCounting(at(15), at(30), restarts)).isEqualTo(Duration.ofSeconds(14));
    }
}
