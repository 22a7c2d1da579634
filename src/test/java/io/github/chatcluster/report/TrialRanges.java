package io.github.chatcluster.report;

import java.util.Collections;
import java.util.List;

/**
 * The spread of alternating trials of two kinds, one coordinator and both: the lowest and the highest figure of each.
 * The verdicts on throughput, read throughput and contention compare these ranges, each with its own rule.
 */
record TrialRanges(double lowestAlone, double highestAlone, double lowestBoth, double highestBoth) {

    static TrialRanges of(List<? extends Number> alone, List<? extends Number> both) {
        if (alone.isEmpty() || both.isEmpty()) {
            throw new IllegalArgumentException("trials of both kinds are needed: alone " + alone + ", both " + both);
        }
        List<Double> a = alone.stream().map(Number::doubleValue).toList();
        List<Double> b = both.stream().map(Number::doubleValue).toList();
        return new TrialRanges(Collections.min(a), Collections.max(a), Collections.min(b), Collections.max(b));
    }
}
