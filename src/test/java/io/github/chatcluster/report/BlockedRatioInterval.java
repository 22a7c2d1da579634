package io.github.chatcluster.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@link RatioInterval} of B over A for trials run in blocks (both arms in every block, as {@link BlockOrder}
 * orders them), when what differs between blocks must drop out: the machine's speed drifts by a third over the minute
 * a run of trials takes, and the trials of a block share it.
 * <p>
 * Each trial's logarithm is taken relative to its block (minus the mean of the block's logarithms: Hodges and
 * Lehmann's alignment, "Rank methods for combination of independent experiments in analysis of variance", 1962). The
 * estimate is the median of the aligned differences B - A. The interval holds every shift {@code d} of B that a
 * permutation test within blocks does not reject: with {@code d} taken off B's trials, the trials of each block would
 * be exchangeable, so the Mann-Whitney count of the aligned trials is compared with its value under every way of
 * labelling each block's trials with the same numbers of A and B (all of them when there are at most
 * {@value #EXACT_UP_TO}, else {@value #SAMPLED} drawn at random with a fixed seed). The test is exact under that
 * exchangeability; the plain Mann-Whitney table, which lets labels move between blocks, is not, once trials are
 * aligned: its 95 % interval covered the true ratio in about 92 % of simulated runs.
 */
public final class BlockedRatioInterval {

    static final int EXACT_UP_TO = 50_000;
    static final int SAMPLED = 20_000;

    private BlockedRatioInterval() {
    }

    /**
     * @param blocksA the figures of arm A in each block; {@code blocksB} of arm B, block by block (each figure positive)
     */
    public static RatioInterval of(List<List<Double>> blocksA, List<List<Double>> blocksB, double confidence) {
        if (blocksA.size() != blocksB.size() || blocksA.isEmpty()) {
            throw new IllegalArgumentException("the same blocks for both arms are needed: A " + blocksA + ", B " + blocksB);
        }
        List<Double> logs = new ArrayList<>();
        List<Boolean> isB = new ArrayList<>();
        List<Integer> blockOf = new ArrayList<>();
        List<int[]> blocks = new ArrayList<>(); // per block: {first index, size, trials of B}
        for (int k = 0; k < blocksA.size(); k++) {
            List<Double> a = blocksA.get(k);
            List<Double> b = blocksB.get(k);
            if (a.isEmpty() || b.isEmpty()) {
                throw new IllegalArgumentException("every block needs trials of both arms: block " + k + ", A " + a + ", B " + b);
            }
            blocks.add(new int[] {logs.size(), a.size() + b.size(), b.size()});
            for (double x : a) {
                logs.add(Math.log(RatioInterval.positive(x)));
                isB.add(false);
                blockOf.add(k);
            }
            for (double y : b) {
                logs.add(Math.log(RatioInterval.positive(y)));
                isB.add(true);
                blockOf.add(k);
            }
        }
        int n = logs.size();
        double[] base = new double[n];   // aligned logarithm with no shift taken off
        double[] slope = new double[n];  // how it moves with the shift d taken off B: z(d) = base + slope * d
        for (int[] block : blocks) {
            double mean = 0;
            for (int i = block[0]; i < block[0] + block[1]; i++) {
                mean += logs.get(i);
            }
            mean /= block[1];
            double shareOfB = block[2] / (double) block[1];
            for (int i = block[0]; i < block[0] + block[1]; i++) {
                base[i] = logs.get(i) - mean;
                slope[i] = (isB.get(i) ? -1 : 0) + shareOfB;
            }
        }
        List<Double> differences = new ArrayList<>();
        List<Double> breakpoints = new ArrayList<>();
        int trialsA = 0;
        int trialsB = 0;
        for (int i = 0; i < n; i++) {
            if (isB.get(i)) {
                trialsB++;
            } else {
                trialsA++;
            }
            for (int j = 0; j < n; j++) {
                if (isB.get(i) && !isB.get(j)) {
                    differences.add(base[i] - base[j]);
                }
                double s = slope[i] - slope[j];
                if (i < j && Math.abs(s) > 1e-12) {
                    breakpoints.add((base[j] - base[i]) / s); // where z_i(d) = z_j(d)
                }
            }
        }
        differences.sort(null);
        double estimate = Math.exp(RatioInterval.median(differences));
        double[] cuts = breakpoints.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        boolean[][] labellings = labellings(blocks, isB);
        double alpha = 1 - confidence;
        double lower = Double.NaN;
        double upper = Double.NaN;
        boolean unboundedBelow = false;
        boolean unboundedAbove = false;
        // the count changes only at the cuts: test one shift between each two, and one beyond each end
        for (int t = 0; t <= cuts.length; t++) {
            double d = t == 0 ? cuts[0] - 1 : t == cuts.length ? cuts[cuts.length - 1] + 1 : (cuts[t - 1] + cuts[t]) / 2;
            if (!accepted(base, slope, isB, labellings, d, alpha)) {
                continue;
            }
            if (t == 0) {
                unboundedBelow = true;
            } else if (Double.isNaN(lower)) {
                lower = cuts[t - 1];
            }
            if (t == cuts.length) {
                unboundedAbove = true;
            } else {
                upper = cuts[t];
            }
        }
        double low = unboundedBelow || Double.isNaN(lower) ? 0 : Math.exp(lower);
        double high = unboundedAbove || Double.isNaN(upper) ? Double.POSITIVE_INFINITY : Math.exp(upper);
        return new RatioInterval(estimate, low, high, confidence, trialsA, trialsB);
    }

    /** Whether the shift d of B is not rejected: the observed count is not in either tail of its permutation distribution. */
    private static boolean accepted(double[] base, double[] slope, List<Boolean> isB, boolean[][] labellings, double d, double alpha) {
        int n = base.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = base[i] + slope[i] * d;
        }
        double[] rank = ranks(z);
        double observed = rankSum(rank, isB);
        int atMost = 0;
        int atLeast = 0;
        for (boolean[] labels : labellings) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i]) {
                    sum += rank[i];
                }
            }
            if (sum <= observed + 1e-9) {
                atMost++;
            }
            if (sum >= observed - 1e-9) {
                atLeast++;
            }
        }
        double lowTail = atMost / (double) labellings.length;
        double highTail = atLeast / (double) labellings.length;
        return lowTail > alpha / 2 && highTail > alpha / 2;
    }

    private static double rankSum(double[] rank, List<Boolean> isB) {
        double sum = 0;
        for (int i = 0; i < rank.length; i++) {
            if (isB.get(i)) {
                sum += rank[i];
            }
        }
        return sum;
    }

    /** Ranks 1..n, ties given their mean rank. */
    private static double[] ranks(double[] z) {
        Integer[] order = new Integer[z.length];
        for (int i = 0; i < z.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(z[x], z[y]));
        double[] rank = new double[z.length];
        for (int i = 0; i < z.length; ) {
            int j = i;
            while (j + 1 < z.length && z[order[j + 1]] == z[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return rank;
    }

    /** Every labelling of each block's trials with its numbers of A and B (or a fixed random sample of them). */
    private static boolean[][] labellings(List<int[]> blocks, List<Boolean> isB) {
        int n = isB.size();
        List<List<boolean[]>> perBlock = new ArrayList<>();
        double count = 1;
        for (int[] block : blocks) {
            List<boolean[]> ways = new ArrayList<>();
            choose(block[1], block[2], 0, new boolean[block[1]], 0, ways);
            perBlock.add(ways);
            count *= ways.size();
        }
        if (count <= EXACT_UP_TO) {
            List<boolean[]> all = new ArrayList<>();
            combine(blocks, perBlock, 0, new boolean[n], all);
            return all.toArray(new boolean[0][]);
        }
        SplittableRandom random = new SplittableRandom(20261206L);
        boolean[][] sampled = new boolean[SAMPLED][];
        for (int s = 0; s < SAMPLED; s++) {
            boolean[] labels = new boolean[n];
            for (int k = 0; k < blocks.size(); k++) {
                List<boolean[]> ways = perBlock.get(k);
                System.arraycopy(ways.get(random.nextInt(ways.size())), 0, labels, blocks.get(k)[0], blocks.get(k)[1]);
            }
            sampled[s] = labels;
        }
        return sampled;
    }

    private static void choose(int size, int ofB, int from, boolean[] current, int chosen, List<boolean[]> out) {
        if (chosen == ofB) {
            out.add(current.clone());
            return;
        }
        for (int i = from; i < size; i++) {
            current[i] = true;
            choose(size, ofB, i + 1, current, chosen + 1, out);
            current[i] = false;
        }
    }

    private static void combine(List<int[]> blocks, List<List<boolean[]>> perBlock, int k, boolean[] labels, List<boolean[]> out) {
        if (k == blocks.size()) {
            out.add(labels.clone());
            return;
        }
        for (boolean[] way : perBlock.get(k)) {
            System.arraycopy(way, 0, labels, blocks.get(k)[0], blocks.get(k)[1]);
            combine(blocks, perBlock, k + 1, labels, out);
        }
    }
}
