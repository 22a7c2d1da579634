package io.github.chatcluster.report;

import java.util.List;
import java.util.Locale;

/**
 * The demo's claim "Write Throughput: Scales linearly with coordinator count", judged from alternating trials as the
 * features state it: two coordinators scale linearly when they give twice the writes per second of one. Held when
 * every trial through both has at least {@link #FACTOR} times the writes per second of every trial through one;
 * not held when every trial through both has less than {@link #FACTOR} times every trial through one; otherwise the
 * trials spread across the line, and the spread, not the cluster, would decide: not decided.
 */
public final class ThroughputVerdict {

    /** "Linearly", for two coordinators: twice. */
    public static final double FACTOR = 2.0;

    public record Judgement(Verdict verdict, String why) {
    }

    private ThroughputVerdict() {
    }

    /** @param alone writes per second of each trial through one coordinator; {@code both}: through both */
    public static Judgement judge(List<Double> alone, List<Double> both) {
        TrialRanges r = TrialRanges.of(alone, both);
        double slowestAlone = r.lowestAlone();
        double fastestAlone = r.highestAlone();
        double slowestBoth = r.lowestBoth();
        double fastestBoth = r.highestBoth();
        if (slowestBoth >= FACTOR * fastestAlone) {
            return new Judgement(Verdict.HELD, String.format(Locale.ROOT,
                    "every trial through both (at least %.1f/s) has at least twice the writes per second of every trial through one (at most %.1f/s)",
                    slowestBoth, fastestAlone));
        }
        if (fastestBoth < FACTOR * slowestAlone) {
            return new Judgement(Verdict.NOT_HELD, String.format(Locale.ROOT,
                    "every trial through both (at most %.1f/s) has less than twice the writes per second of every trial through one (at least %.1f/s)",
                    fastestBoth, slowestAlone));
        }
        return new Judgement(Verdict.NOT_DECIDED, String.format(Locale.ROOT,
                "the trials spread across the line of twice: through both %.1f to %.1f/s, through one %.1f to %.1f/s",
                slowestBoth, fastestBoth, slowestAlone, fastestAlone));
    }
}
