package io.github.chatcluster.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void sharesBetweenTwoReadings() {
        CpuTimes a = CpuTimes.parse("cpu  100 0 50 800 50 0 0 0 0 0");
        CpuTimes b = CpuTimes.parse("cpu  300 0 250 900 50 50 50 0 0 0"); // 200 user, 300 kernel, 100 idle of 600
        CpuTimes.Share share = b.since(a, 2);
        assertThat(share.busy()).isCloseTo(500 / 600.0, within(1e-9));
        assertThat(share.kernel()).isCloseTo(0.5, within(1e-9));
        assertThat(share.idleCores()).isCloseTo(2 * 100 / 600.0, within(1e-9));
        assertThat(share.toString()).isEqualTo("CPU 83 % busy, 50 % in the kernel");
    }

    @Test
    void anOldKernelsShortLineReadsAsNoSteal() {
        CpuTimes t = CpuTimes.parse("cpu 1 2 3 4");
        assertThat(t.steal()).isZero();
        assertThat(t.idle()).isEqualTo(4);
    }

    @Test
    void thisMachineCanBeRead() {
        CpuTimes.now().ifPresent(t -> assertThat(t.total()).isPositive());
    }
}
