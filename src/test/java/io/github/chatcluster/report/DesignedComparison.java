package io.github.chatcluster.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * A comparison of two set-ups run as a designed experiment: warm-up trials of both arms, discarded; blocks of four
 * trials in a random ABBA or BAAB order ({@link BlockOrder}); then the same number of blocks with arm A on both sides,
 * the A/A control. Each interval is taken from the trials in their blocks (see {@link #intervals}). A claim is judged by a {@link ComparisonRule} on the counted trials; when the control shows the
 * claimed gain by itself, the verdict is NOT DECIDED and says why. Which set-up a trial runs is the caller's: this
 * class only orders the trials and judges their figures, so it is tested without a cluster.
 *
 * @param <T> what one trial gives (its figures)
 */
public final class DesignedComparison<T> {

    /** One trial and what it gave; {@code control} for the A/A control's trials (both arms then ran set-up A). */
    public record Run<T>(BlockOrder.Trial trial, T result, boolean control) {
    }

    /** A claim judged: what was found, the comparison's and the control's judgements, and the evidence in words. */
    public record Outcome(Verdict found, ComparisonRule.Judgement comparison, ComparisonRule.Judgement control, String evidence) {
    }

    private final List<Run<T>> runs;

    private DesignedComparison(List<Run<T>> runs) {
        this.runs = List.copyOf(runs);
    }

    /**
     * Runs the trials in their order: {@code trial} is given each trial and whether it belongs to the control, and runs
     * set-up A for arm A and for every control trial, set-up B for arm B of the comparison.
     */
    public static <T> DesignedComparison<T> run(long seed, int warmUps, int blocks, BiFunction<BlockOrder.Trial, Boolean, T> trial) {
        List<Run<T>> runs = new ArrayList<>();
        for (BlockOrder.Trial t : BlockOrder.of(seed, warmUps, blocks)) {
            runs.add(new Run<>(t, trial.apply(t, false), false));
        }
        for (BlockOrder.Trial t : BlockOrder.of(seed + 1, 0, blocks)) {
            runs.add(new Run<>(t, trial.apply(t, true), true));
        }
        return new DesignedComparison<>(runs);
    }

    /** Whether the trial runs set-up B: arm B of the comparison (every control trial runs set-up A). */
    public static boolean runsB(BlockOrder.Trial t, boolean control) {
        return !control && t.arm() == BlockOrder.Arm.B;
    }

    /** The trial's label in the report: "trial 2 (warm-up), both coordinators", "control trial 3, coordinator-1 alone (B)". */
    public static String label(BlockOrder.Trial t, boolean control, String setUpA, String setUpB) {
        return (control ? "control " : "") + "trial " + t.index() + (t.warmUp() ? " (warm-up)" : "") + ", "
                + (runsB(t, control) ? setUpB : setUpA) + (control ? " (" + t.arm() + ")" : "");
    }

    /** For the tests: the trials already run. */
    static <T> DesignedComparison<T> of(List<Run<T>> runs) {
        return new DesignedComparison<>(runs);
    }

    public List<Run<T>> runs() {
        return runs;
    }

    /** Judges a claim on one figure of the trials (oriented so that more is better for the claimed arm B). */
    public Outcome judge(ComparisonRule rule, ToDoubleFunction<T> figure) {
        Intervals i = intervals(figure);
        ComparisonRule.Judgement comparison = rule.judge(i.comparison());
        ComparisonRule.Judgement control = rule.judge(i.control());
        String controlFails = rule.controlFails(i.control());
        String evidence = String.format(Locale.ROOT, "%s (%d warm-up trials discarded; %d trials an arm, in blocks ABBA/BAAB, each taken relative to its block); the A/A control: %s",
                comparison.why(), runs.stream().filter(r -> r.trial().warmUp()).count(),
                runs.stream().filter(r -> !r.control() && !r.trial().warmUp() && r.trial().arm() == BlockOrder.Arm.A).count(), control.why());
        if (controlFails != null) {
            return new Outcome(Verdict.NOT_DECIDED, comparison, control, controlFails + "; the comparison: " + comparison.why());
        }
        return new Outcome(comparison.verdict(), comparison, control, evidence);
    }

    /** The intervals of the ratio B over A of a figure (more is better), the comparison's and the A/A control's. */
    public record Intervals(RatioInterval comparison, RatioInterval control) {
    }

    /**
     * Measures without judging: the interval of the ratio, and the control's, at the rules' confidence, from the trials
     * in their blocks ({@link BlockedRatioInterval}: the machine's speed drifting between blocks drops out).
     */
    public Intervals intervals(ToDoubleFunction<T> figure) {
        return new Intervals(blocked(false, figure), blocked(true, figure));
    }

    /**
     * The counted trials of the comparison or of the control in their blocks: in run order, warm-ups left out, four to
     * a block (as {@link BlockOrder} orders them).
     */
    private RatioInterval blocked(boolean ofControl, ToDoubleFunction<T> figure) {
        List<Run<T>> counted = runs.stream().filter(r -> r.control() == ofControl && !r.trial().warmUp()).toList();
        List<List<Double>> a = new ArrayList<>();
        List<List<Double>> b = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            if (i % BlockOrder.BLOCK == 0) {
                a.add(new ArrayList<>());
                b.add(new ArrayList<>());
            }
            Run<T> r = counted.get(i);
            (r.trial().arm() == BlockOrder.Arm.A ? a : b).get(a.size() - 1).add(figure.applyAsDouble(r.result()));
        }
        return BlockedRatioInterval.of(a, b, ComparisonRule.CONFIDENCE);
    }
}
