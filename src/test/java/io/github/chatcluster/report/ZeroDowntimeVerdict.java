package io.github.chatcluster.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * "Zero Downtime: maintenance on one coordinator doesn't stop writes", judged over repeated restarts (at least
 * {@link BoundVerdict#TRIALS}): held when, in every restart, no write was refused (a refused attempt is a stopped write,
 * even when a later retry succeeded), none was given up or left with an unknown outcome, and no writer went as long as
 * the bound without a success; not held otherwise. The worst restart and the bound's margin are stated.
 */
public final class ZeroDowntimeVerdict {

    /** What the writers saw during one restart: the node, the attempts refused, the writes given up or unknown, the longest gap. */
    public record Restart(String node, int refusedAttempts, int givenUp, int unknown, Duration longestGap) {
    }

    public record Judgement(Verdict verdict, String why) {
    }

    private ZeroDowntimeVerdict() {
    }

    public static Judgement judge(List<Restart> restarts, Duration bound) {
        if (restarts.size() < BoundVerdict.TRIALS) {
            return new Judgement(Verdict.NOT_DECIDED, String.format(Locale.ROOT, "%d restart(s): at least %d are needed",
                    restarts.size(), BoundVerdict.TRIALS));
        }
        int refused = restarts.stream().mapToInt(Restart::refusedAttempts).sum();
        int givenUp = restarts.stream().mapToInt(Restart::givenUp).sum();
        int unknown = restarts.stream().mapToInt(Restart::unknown).sum();
        long withRefusals = restarts.stream().filter(r -> r.refusedAttempts() + r.givenUp() + r.unknown() > 0).count();
        BoundVerdict.Judgement gaps = BoundVerdict.judge("the writers' longest time without a success per restart",
                restarts.stream().map(Restart::longestGap).toList(), bound);
        boolean held = refused + givenUp + unknown == 0 && gaps.verdict() == Verdict.HELD;
        String why = String.format(Locale.ROOT, "%d restarts (%s): %d write attempts refused in %d of them (each a stopped write,"
                        + " retried or not), %d writes given up, %d with an unknown outcome; %s",
                restarts.size(), String.join(", ", restarts.stream().map(Restart::node).toList()), refused, withRefusals, givenUp,
                unknown, gaps.why());
        return new Judgement(Verdict.of(held), why);
    }
}
