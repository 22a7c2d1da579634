package io.github.chatcluster.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many times arm B's figure is arm A's, estimated from independent trials of each arm, with a distribution-free
 * confidence interval: the Hodges-Lehmann estimate of the shift between the logarithms of the two samples (the median
 * of all n x m differences log b - log a) and the exact rank interval that goes with the Mann-Whitney test (Hollander
 * and Wolfe, "Nonparametric Statistical Methods", ch. 4). Taken back through exp, a shift is a ratio.
 * <p>
 * The interval needs no assumption on the noise's distribution, only that the trials of both arms would be exchangeable
 * if the arms were the same, which the interleaved block order ({@link BlockOrder}) is there to make true. Its
 * coverage is exact: at least {@code confidence} for continuous figures. With too few trials no rank interval reaches
 * the confidence asked for (3 against 3 trials cannot reach 95 %): the interval is then unbounded, and says so.
 */
public record RatioInterval(double estimate, double lower, double upper, double coverage, int trialsA, int trialsB) {

    /** The ratio B / A of the two arms' figures (each figure positive), at the two-sided confidence asked for. */
    public static RatioInterval of(List<? extends Number> a, List<? extends Number> b, double confidence) {
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("trials of both arms are needed: A " + a + ", B " + b);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence between 0 and 1 is needed, not " + confidence);
        }
        List<Double> d = new ArrayList<>(a.size() * b.size());
        for (Number y : b) {
            for (Number x : a) {
                d.add(Math.log(positive(y)) - Math.log(positive(x)));
            }
        }
        d.sort(null);
        int n = a.size();
        int m = b.size();
        double estimate = Math.exp(median(d));
        int k = MannWhitney.lowerCriticalCount(n, m, (1 - confidence) / 2);
        if (k < 1) {
            return new RatioInterval(estimate, 0, Double.POSITIVE_INFINITY, 1, n, m);
        }
        double coverage = 1 - 2 * MannWhitney.cumulative(n, m, k - 1);
        return new RatioInterval(estimate, Math.exp(d.get(k - 1)), Math.exp(d.get(d.size() - k)), coverage, n, m);
    }

    /** Whether enough trials were run for an interval of the confidence asked for. */
    public boolean bounded() {
        return Double.isFinite(upper) && lower > 0;
    }

    /** Whether the interval holds 1: no difference between the arms can be told from these trials. */
    public boolean holdsOne() {
        return lower <= 1 && upper >= 1;
    }

    @Override
    public String toString() {
        if (!bounded()) {
            return String.format(Locale.ROOT, "%.2fx (no interval: %d against %d trials are too few)", estimate, trialsA, trialsB);
        }
        return String.format(Locale.ROOT, "%.2fx (%.0f %% interval %.2f to %.2f, %d against %d trials)",
                estimate, coverage * 100, lower, upper, trialsA, trialsB);
    }

    /** The figure, when it is positive and finite; a ratio needs that. */
    static double positive(Number x) {
        double v = x.doubleValue();
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("a ratio needs positive figures, not " + v);
        }
        return v;
    }

    static double median(List<Double> sorted) {
        int s = sorted.size();
        return s % 2 == 1 ? sorted.get(s / 2) : (sorted.get(s / 2 - 1) + sorted.get(s / 2)) / 2;
    }
}
