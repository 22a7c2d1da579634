package io.github.chatcluster.report;

import java.util.List;
import java.util.Locale;

/**
 * The decision rule of a claim that compares two set-ups ("twice the writes with two coordinators", "less contention
 * through both"): a claim of a gain of at least {@code threshold} times. From the interleaved trials of both arms it
 * takes the {@link RatioInterval} of the gain (B over A, each figure oriented so that more is better) and decides only
 * when the whole interval lies on one side of the threshold: HELD when its lower end is at or above the threshold, NOT
 * HELD when its upper end is below it, NOT DECIDED when it straddles it (the experiment is then too weak for the
 * question: more trials, or less noise).
 * <p>
 * The same rule run on an A/A control, both arms the same set-up, must not come out HELD: when it does, the machine's
 * noise or the order of the trials produced the claimed gain by itself, and the real comparison cannot be trusted. (A
 * control that is NOT DECIDED only says the experiment is imprecise; that shows in the real comparison's interval.)
 * With a 95 % interval, a comparison with no true gain comes out HELD in at most 2.5 % of runs in theory (the
 * interval's one-sided error); {@code ComparisonRuleTest} checks at most 5 % on simulated runs.
 */
public final class ComparisonRule {

    /** The two-sided confidence of the interval. */
    public static final double CONFIDENCE = 0.95;

    /** HELD when the interval's lower end is at or above this ({@link #heldStrictly}: above it). */
    private final double threshold;
    /** NOT HELD when the interval's upper end is below this. */
    private final double notHeldBelow;
    private final boolean heldStrictly;
    private final String gain;

    /**
     * @param threshold the gain the claim states, as a ratio: 2 for "linearly" with two coordinators; 1.25 for
     *                  "distributed" reads (a gain that counts: a ratio near 1 against a threshold of 1 cannot be gated)
     * @param gain      what the ratio measures, in words ("writes per second through both over through one")
     */
    public ComparisonRule(double threshold, String gain) {
        this(threshold, threshold, false, gain);
        if (!(threshold > 1)) {
            throw new IllegalArgumentException("a claimed gain is a ratio above 1, not " + threshold);
        }
    }

    private ComparisonRule(double threshold, double notHeldBelow, boolean heldStrictly, String gain) {
        this.threshold = threshold;
        this.notHeldBelow = notHeldBelow;
        this.heldStrictly = heldStrictly;
        this.gain = gain;
    }

    /**
     * A claim of any gain beyond the noise ("reduced", "distributed"): HELD when the whole interval lies above 1 (the
     * claimed arm is better, beyond what the trials' spread allows); NOT HELD when it lies below {@code counts} (no
     * gain that counts: the claimed arm is at best a little better); NOT DECIDED when it reaches both.
     */
    public static ComparisonRule anyGain(double counts, String gain) {
        if (!(counts > 1)) {
            throw new IllegalArgumentException("a gain that counts is a ratio above 1, not " + counts);
        }
        return new ComparisonRule(1.0, counts, true, gain);
    }

    public record Judgement(Verdict verdict, RatioInterval interval, String why) {
    }

    /** @param a the figure of each trial of the baseline arm; {@code b} of the claimed arm; more is better in both */
    public Judgement judge(List<? extends Number> a, List<? extends Number> b) {
        return judge(RatioInterval.of(a, b, CONFIDENCE));
    }

    /** Judges on an interval already estimated (trials in blocks: {@link BlockedRatioInterval}). */
    public Judgement judge(RatioInterval r) {
        String figures = gain + " " + r;
        if (!r.bounded()) {
            return new Judgement(Verdict.NOT_DECIDED, r, figures + ": too few trials to decide");
        }
        if (heldStrictly ? r.lower() > threshold : r.lower() >= threshold) {
            return new Judgement(Verdict.HELD, r, String.format(Locale.ROOT, "%s: all of it %s %.2fx", figures,
                    heldStrictly ? "above" : "at or above", threshold));
        }
        if (r.upper() < notHeldBelow) {
            return new Judgement(Verdict.NOT_HELD, r, String.format(Locale.ROOT, "%s: all of it below %.2fx%s", figures, notHeldBelow,
                    notHeldBelow == threshold ? "" : " (no gain that counts)"));
        }
        return new Judgement(Verdict.NOT_DECIDED, r, notHeldBelow == threshold
                ? String.format(Locale.ROOT, "%s: it straddles %.2fx", figures, threshold)
                : String.format(Locale.ROOT, "%s: it reaches both 1.00x and %.2fx (a gain that counts)", figures, notHeldBelow));
    }

    /**
     * The A/A control: two sets of trials run with the same set-up must not show the claimed gain. Returns null when
     * they do not, otherwise why the comparison cannot be trusted.
     */
    public String controlFails(List<? extends Number> first, List<? extends Number> second) {
        return controlFails(RatioInterval.of(first, second, CONFIDENCE));
    }

    /** {@link #controlFails(List, List)} on an interval already estimated. */
    public String controlFails(RatioInterval control) {
        Judgement j = judge(control);
        if (j.verdict() != Verdict.HELD) {
            return null;
        }
        return "the A/A control (both arms the same set-up) came out HELD: " + j.why()
                + "; on this machine the noise or the trials' order can produce the claimed gain alone";
    }

    public double threshold() {
        return threshold;
    }
}
