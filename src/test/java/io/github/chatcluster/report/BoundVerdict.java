package io.github.chatcluster.report;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A claim of a bound ("failover under 5 seconds", "no client more than 5 seconds without a success") judged over
 * repeated trials: held when the worst trial stays under the bound, not held when it reaches it; the value of each trial
 * and the margin (the bound minus the worst) are stated. At least {@link #TRIALS} trials, so that one lucky trial
 * decides nothing.
 */
public final class BoundVerdict {

    /** The fewest trials a bound is judged from. */
    public static final int TRIALS = 3;

    public record Judgement(Verdict verdict, Duration worst, Duration margin, String why) {
    }

    private BoundVerdict() {
    }

    /** @param what what each trial measured, in words ("the slowest client's time to write again") */
    public static Judgement judge(String what, List<Duration> trials, Duration bound) {
        if (trials.size() < TRIALS) {
            return new Judgement(Verdict.NOT_DECIDED, null, null, String.format(Locale.ROOT,
                    "%d trial(s) of %s: at least %d are needed", trials.size(), what, TRIALS));
        }
        Duration worst = Collections.max(trials);
        Duration margin = bound.minus(worst);
        boolean held = worst.compareTo(bound) < 0;
        String each = trials.stream().map(d -> String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0)).collect(Collectors.joining(", "));
        return new Judgement(Verdict.of(held), worst, margin, String.format(Locale.ROOT,
                "%s in %d trials: %s s; the worst %.2f s, %s the bound of %.1f s by %.2f s", what, trials.size(), each,
                worst.toMillis() / 1000.0, held ? "under" : "over", bound.toMillis() / 1000.0, Math.abs(margin.toMillis()) / 1000.0));
    }
}
