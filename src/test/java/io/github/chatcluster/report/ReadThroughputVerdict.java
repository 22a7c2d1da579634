package io.github.chatcluster.report;

import java.util.List;
import java.util.Locale;

/**
 * The demo's claim "Read Performance: Distributed across workers + coordinators", for the coordinators, judged from
 * alternating trials of the same readers through coordinator-1 alone and through both: held when every trial through
 * both has more reads per second than every trial through one (the second coordinator adds read capacity); not held
 * when every trial through both has at most the reads per second of every trial through one; otherwise the trials overlap and it is not decided.
 */
public final class ReadThroughputVerdict {

    public record Judgement(Verdict verdict, String why) {
    }

    private ReadThroughputVerdict() {
    }

    public static Judgement judge(List<Double> alone, List<Double> both) {
        TrialRanges r = TrialRanges.of(alone, both);
        double slowestAlone = r.lowestAlone();
        double fastestAlone = r.highestAlone();
        double slowestBoth = r.lowestBoth();
        double fastestBoth = r.highestBoth();
        if (slowestBoth > fastestAlone) {
            return new Judgement(Verdict.HELD, String.format(Locale.ROOT,
                    "every trial through both (at least %.1f/s) read more per second than every trial through one (at most %.1f/s)",
                    slowestBoth, fastestAlone));
        }
        if (fastestBoth <= slowestAlone) {
            return new Judgement(Verdict.NOT_HELD, String.format(Locale.ROOT,
                    "no trial through both (at most %.1f/s) read more per second than any trial through one (at least %.1f/s)",
                    fastestBoth, slowestAlone));
        }
        return new Judgement(Verdict.NOT_DECIDED, String.format(Locale.ROOT,
                "the trials overlap: through both %.1f to %.1f/s, through one %.1f to %.1f/s", slowestBoth, fastestBoth,
                slowestAlone, fastestAlone));
    }
}
