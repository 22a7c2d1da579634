package io.github.chatcluster.report;

import java.util.List;
import java.util.Locale;

/**
 * The demo's claim "Reduced Contention: Write load distributed across coordinators", judged from the alternating write
 * trials with the same number of writers: contention is what a write waits for, so the claim holds when every trial
 * through both coordinators has a lower median write latency than every trial through one; it does not hold when every
 * trial through both has a median at least as high as every trial through one; otherwise the trials overlap and it is
 * not decided.
 */
public final class ContentionVerdict {

    public record Judgement(Verdict verdict, String why) {
    }

    private ContentionVerdict() {
    }

    /** Median write latencies in milliseconds of each trial, through one coordinator and through both. */
    public static Judgement judge(List<Long> aloneMedians, List<Long> bothMedians) {
        TrialRanges r = TrialRanges.of(aloneMedians, bothMedians);
        long fastestAlone = (long) r.lowestAlone();
        long slowestAlone = (long) r.highestAlone();
        long fastestBoth = (long) r.lowestBoth();
        long slowestBoth = (long) r.highestBoth();
        if (slowestBoth < fastestAlone) {
            return new Judgement(Verdict.HELD, String.format(Locale.ROOT, "every trial through both had a lower median write"
                    + " latency (at most %d ms) than every trial through one (at least %d ms)", slowestBoth, fastestAlone));
        }
        if (fastestBoth >= slowestAlone) {
            return new Judgement(Verdict.NOT_HELD, String.format(Locale.ROOT, "no trial through both had a lower median write"
                    + " latency (at least %d ms) than any trial through one (at most %d ms)", fastestBoth, slowestAlone));
        }
        return new Judgement(Verdict.NOT_DECIDED, String.format(Locale.ROOT, "the median latencies overlap: through both %d to %d ms,"
                + " through one %d to %d ms", fastestBoth, slowestBoth, fastestAlone, slowestAlone));
    }
}
