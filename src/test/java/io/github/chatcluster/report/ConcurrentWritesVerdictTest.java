package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConcurrentWritesVerdictTest {

    private static final ConcurrentWritesVerdict.Burst COLD = new ConcurrentWritesVerdict.Burst("application-1, burst 1 (cold)", false, 100, 55,
            Map.of("write refused by the cluster 08006: ERROR: connection to the remote node postgres@coordinator-2:5432 failed", 45));

    private static ConcurrentWritesVerdict.Burst warm(int acknowledged) {
        return new ConcurrentWritesVerdict.Burst("application-1, burst 2 (warm)", true, 100, acknowledged,
                acknowledged == 100 ? Map.of() : Map.of("write refused by the cluster 08006", 100 - acknowledged));
    }

    @Test
    void everyWarmWriteAcknowledgedHoldsWhateverTheColdBurstSaw() {
        var j = ConcurrentWritesVerdict.judge(List.of(COLD, warm(100), warm(100)));
        assertThat(j.verdict()).isEqualTo(Verdict.HELD);
        assertThat(j.why()).contains("200 of 200 writes acknowledged in 2 burst(s)", "not judged: application-1, burst 1 (cold): 55 of 100");
    }

    @Test
    void oneRefusedWarmWriteDoesNotHold() {
        var j = ConcurrentWritesVerdict.judge(List.of(COLD, warm(100), warm(99)));
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(j.why()).contains("199 of 200", "08006");
    }

    @Test
    void noJudgedBurstDecidesNothing() {
        assertThat(ConcurrentWritesVerdict.judge(List.of(COLD)).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }
}
