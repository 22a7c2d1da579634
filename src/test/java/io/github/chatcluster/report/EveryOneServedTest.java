package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EveryOneServedTest {

    @Test
    void everyOneServedHolds() {
        var j = EveryOneServed.judge("new clients answered", 12, 12);
        assertThat(j.verdict()).isEqualTo(Verdict.HELD);
        assertThat(j.why()).isEqualTo("12 of 12 new clients answered");
    }

    @Test
    void oneNotServedDoesNotHold() {
        var j = EveryOneServed.judge("new clients answered", 6, 12);
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(j.why()).isEqualTo("6 of 12 new clients answered, 6 not");
    }

    @Test
    void nobodyTriedDecidesNothing() {
        assertThat(EveryOneServed.judge("new clients", 0, 0).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }

    @Test
    void moreServedThanTriedIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> EveryOneServed.judge("new clients", 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyOneInTimeHoldsAndLateDoesNot() {
        assertThat(EveryOneServed.everyWithin("acknowledged writes read back", Duration.ofSeconds(10), Duration.ofSeconds(10)).verdict()).isEqualTo(Verdict.HELD);
        var late = EveryOneServed.everyWithin("acknowledged writes read back", Duration.ofMillis(10_001), Duration.ofSeconds(10));
        assertThat(late.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(late.why()).isEqualTo("every one of the acknowledged writes read back in 10.00 s, beyond the bound of 10 s");
    }

    @Test
    void everyOneHoldsAndNotEveryOneDoesNot() {
        assertThat(EveryOneServed.every("acknowledged writes read back").why()).isEqualTo("every one of the acknowledged writes read back");
        assertThat(EveryOneServed.every("acknowledged writes read back").verdict()).isEqualTo(Verdict.HELD);
        var j = EveryOneServed.notEvery("acknowledged writes read back", "room 7 missing");
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(j.why()).isEqualTo("not every one of the acknowledged writes read back: room 7 missing");
    }
}
