package io.github.chatcluster.report;

/**
 * The exact null distribution of the Mann-Whitney count U (how many of the n x m pairs have the B figure above the A
 * figure) when both samples come from one continuous distribution: every one of the C(n+m, n) orderings is equally
 * likely. Counted by the recurrence f(n, m, u) = f(n-1, m, u-m) + f(n, m-1, u).
 */
final class MannWhitney {

    private MannWhitney() {
    }

    /** P(U <= u). */
    static double cumulative(int n, int m, int u) {
        return cumulative(counts(n, m), u);
    }

    /** The largest k with P(U <= k - 1) <= alpha (0 when even P(U = 0) is above alpha). */
    static int lowerCriticalCount(int n, int m, double alpha) {
        double[] counts = counts(n, m);
        int k = 0;
        while (k <= n * m && cumulative(counts, k) <= alpha) {
            k++;
        }
        return k;
    }

    private static double cumulative(double[] counts, int u) {
        double total = 0;
        double below = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            if (i <= u) {
                below += counts[i];
            }
        }
        return u < 0 ? 0 : below / total;
    }

    /** How many orderings of n A figures and m B figures give each U from 0 to n x m. */
    private static double[] counts(int n, int m) {
        if (n < 1 || m < 1 || n > 200 || m > 200) {
            throw new IllegalArgumentException("between 1 and 200 trials per arm, not " + n + " and " + m);
        }
        // f[i][j] over u, built up row by row: f(i, j) = f(i-1, j) shifted by j + f(i, j-1).
        double[][] previous = new double[m + 1][];
        for (int j = 0; j <= m; j++) {
            previous[j] = new double[] {1};          // f(0, j): one ordering, U = 0
        }
        for (int i = 1; i <= n; i++) {
            double[][] current = new double[m + 1][];
            current[0] = new double[] {1};           // f(i, 0)
            for (int j = 1; j <= m; j++) {
                double[] f = new double[i * j + 1];
                double[] up = previous[j];
                for (int u = 0; u < up.length; u++) {
                    f[u + j] += up[u];
                }
                double[] left = current[j - 1];
                for (int u = 0; u < left.length; u++) {
                    f[u] += left[u];
                }
                current[j] = f;
            }
            previous = current;
        }
        return previous[m];
    }
}
