package io.github.chatcluster.report;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The demo's claim "Failover Time: < 5 seconds via Nginx health checks", judged as the features state it: held when
 * every client measured got its service back in less than {@link #BOUND} (the slowest decides, in every trial); not
 * held when one took {@link #BOUND} or more.
 */
public final class FailoverVerdict {

    /** The demo's own bound: "< 5 seconds". */
    public static final Duration BOUND = Duration.ofSeconds(5);

    public record Judgement(boolean held, Duration slowest, String why) {
    }

    private FailoverVerdict() {
    }

    /** @param slowestPerTrial the slowest client's time of each trial (one entry for a single measurement) */
    public static Judgement judge(List<Duration> slowestPerTrial) {
        if (slowestPerTrial.isEmpty()) {
            throw new IllegalArgumentException("no failover was measured");
        }
        Duration slowest = Collections.max(slowestPerTrial);
        boolean held = slowest.compareTo(BOUND) < 0;
        return new Judgement(held, slowest, String.format(Locale.ROOT, "the slowest client of %d trial(s) after %.2f s: %s 5 s, by %.2f s",
                slowestPerTrial.size(), slowest.toMillis() / 1000.0, held ? "under" : "not under", Math.abs(BOUND.minus(slowest).toMillis()) / 1000.0));
    }
}
