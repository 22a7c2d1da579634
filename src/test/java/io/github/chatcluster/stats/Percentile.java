package io.github.chatcluster.stats;

import java.util.Collection;
import java.util.List;

/** The nearest-rank percentile: the smallest value with at least the given share of the values at or below it. */
public final class Percentile {

    private Percentile() {
    }

    /** The nearest-rank percentile of the values (in any order) for a share in (0, 1]; throws for no value. */
    public static <T extends Comparable<? super T>> T of(Collection<T> values, double share) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no value to take a percentile of");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a share in (0, 1], not " + share);
        }
        List<T> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(1, Math.min(sorted.size(), rank)) - 1);
    }
}
