package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScaleOutVerdictTest {

    @Test
    void heldWhenTheNewWorkerTookItsShareAndNoClientWaitedTooLong() {
        assertThat(ScaleOutVerdict.judge(36, 192, 5, Duration.ofMillis(2400), Duration.ofSeconds(10)).held()).isTrue();
    }

    @Test
    void notHeldWhenTheNewWorkerStaysEmpty() {
        ScaleOutVerdict.Judgement j = ScaleOutVerdict.judge(0, 192, 5, Duration.ofMillis(100), Duration.ofSeconds(10));
        assertThat(j.held()).isFalse();
        assertThat(j.why()).contains("did not take its share");
    }

    @Test
    void notHeldWhenAClientWaitedLongerThanTheBound() {
        ScaleOutVerdict.Judgement j = ScaleOutVerdict.judge(39, 192, 5, Duration.ofSeconds(11), Duration.ofSeconds(10));
        assertThat(j.held()).isFalse();
        assertThat(j.why()).contains("longer than the bound");
    }

    @Test
    void theShareIsNinetyPercentOfAnEvenOne() {
        assertThat(ScaleOutVerdict.judge(34, 192, 5, Duration.ZERO, Duration.ofSeconds(10)).held()).isTrue();
        assertThat(ScaleOutVerdict.judge(33, 192, 5, Duration.ZERO, Duration.ofSeconds(10)).held()).isFalse();
    }
}
