package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DesignedComparisonTest {

    private static final ComparisonRule TWICE = new ComparisonRule(2.0, "B over A:");

    @Test
    void armBRunsSetUpBOnlyInTheComparisonAndTheControlRunsSetUpAOnBothSides() {
        List<String> setUps = new ArrayList<>();
        DesignedComparison<String> d = DesignedComparison.run(7, 2, 2, (t, control) -> {
            String setUp = !control && t.arm() == BlockOrder.Arm.B ? "B" : "A";
            setUps.add(setUp);
            return setUp;
        });
        assertThat(d.runs()).hasSize(2 + 8 + 8);
        assertThat(d.runs().stream().filter(DesignedComparison.Run::control)).allMatch(r -> r.result().equals("A"));
        assertThat(d.runs().stream().filter(r -> !r.control() && r.trial().arm() == BlockOrder.Arm.B)).allMatch(r -> r.result().equals("B"));
        assertThat(setUps.subList(0, 2)).containsExactly("A", "B"); // the warm-ups, one of each
    }

    @Test
    void aTrialIsLabelledWithItsSetUpAndTheControlWithItsArm() {
        BlockOrder.Trial warmUpB = new BlockOrder.Trial(1, BlockOrder.Arm.B, true);
        BlockOrder.Trial b = new BlockOrder.Trial(3, BlockOrder.Arm.B, false);
        assertThat(DesignedComparison.label(warmUpB, false, "one", "both")).isEqualTo("trial 1 (warm-up), both");
        assertThat(DesignedComparison.label(b, true, "one", "both")).isEqualTo("control trial 3, one (B)");
        assertThat(DesignedComparison.runsB(b, true)).isFalse();
    }

    @Test
    void aClearGainAboveTheThresholdHoldsAndOneBelowDoesNot() {
        assertThat(simulated(3.0, 1.0).judge(TWICE, Double::doubleValue).found()).isEqualTo(Verdict.HELD);
        assertThat(simulated(1.2, 1.0).judge(TWICE, Double::doubleValue).found()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void aControlThatShowsTheGainWithdrawsTheVerdict() {
        // the control's second side runs three times faster: the machine, not the set-up, gives the gain
        List<DesignedComparison.Run<Double>> runs = new ArrayList<>();
        int i = 0;
        for (BlockOrder.Trial t : BlockOrder.of(1, 0, 4)) {
            runs.add(new DesignedComparison.Run<>(t, t.arm() == BlockOrder.Arm.B ? 30.0 + i++ % 3 : 10.0 + i++ % 3, false));
        }
        for (BlockOrder.Trial t : BlockOrder.of(2, 0, 4)) {
            runs.add(new DesignedComparison.Run<>(t, t.arm() == BlockOrder.Arm.B ? 30.0 + i++ % 3 : 10.0 + i++ % 3, true));
        }
        DesignedComparison.Outcome o = DesignedComparison.of(runs).judge(TWICE, Double::doubleValue);
        assertThat(o.comparison().verdict()).isEqualTo(Verdict.HELD);
        assertThat(o.found()).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(o.evidence()).contains("A/A control");
    }

    /** Trials whose figure is {@code b} for arm B of the comparison and {@code a} otherwise, with a little spread. */
    private static DesignedComparison<Double> simulated(double b, double a) {
        int[] n = {0};
        return DesignedComparison.run(3, 2, 4, (t, control) -> {
            double spread = 1 + (n[0]++ % 5) * 0.01;
            return (!control && t.arm() == BlockOrder.Arm.B ? b : a) * spread;
        });
    }
}
