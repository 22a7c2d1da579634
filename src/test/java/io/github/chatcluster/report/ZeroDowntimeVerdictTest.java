package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ZeroDowntimeVerdictTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private static ZeroDowntimeVerdict.Restart restart(int refused, long gapMillis) {
        return new ZeroDowntimeVerdict.Restart("coordinator-1", refused, 0, 0, Duration.ofMillis(gapMillis));
    }

    @Test
    void restartsWithNoRefusalAndShortGapsHold() {
        var j = ZeroDowntimeVerdict.judge(List.of(restart(0, 800), restart(0, 1200), restart(0, 900)), BOUND);
        assertThat(j.verdict()).isEqualTo(Verdict.HELD);
        assertThat(j.why()).contains("0 write attempts refused", "the worst 1.20 s");
    }

    @Test
    void oneRefusedAttemptRetriedToSuccessStillStopsAWrite() {
        var j = ZeroDowntimeVerdict.judge(List.of(restart(0, 800), restart(1, 1200), restart(0, 900)), BOUND);
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(j.why()).contains("1 write attempts refused in 1 of them");
    }

    @Test
    void aGapAtTheBoundDoesNotHoldAndTooFewRestartsDecideNothing() {
        assertThat(ZeroDowntimeVerdict.judge(List.of(restart(0, 800), restart(0, 5000), restart(0, 900)), BOUND).verdict())
                .isEqualTo(Verdict.NOT_HELD);
        assertThat(ZeroDowntimeVerdict.judge(List.of(restart(0, 800), restart(0, 900)), BOUND).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }

    @Test
    void aWriteGivenUpOrUnknownDoesNotHold() {
        var lost = new ZeroDowntimeVerdict.Restart("coordinator-2", 0, 1, 0, Duration.ofMillis(700));
        var unknown = new ZeroDowntimeVerdict.Restart("coordinator-2", 0, 0, 1, Duration.ofMillis(700));
        assertThat(ZeroDowntimeVerdict.judge(List.of(restart(0, 800), lost, restart(0, 900)), BOUND).verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(ZeroDowntimeVerdict.judge(List.of(restart(0, 800), unknown, restart(0, 900)), BOUND).verdict()).isEqualTo(Verdict.NOT_HELD);
    }
}
