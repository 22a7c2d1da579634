package io.github.chatcluster.report;

import java.time.Duration;
import java.util.Locale;

/**
 * The verdict on the demo's "horizontally-sharded database" as an operator meets it: the cluster grows by a worker
 * while it serves. Held when the new worker took its share of the shard copies (at least 90 % of an even share, the
 * rebalancer's default threshold) and no client went longer than the bound without a success; not held otherwise.
 */
public final class ScaleOutVerdict {

    public record Judgement(boolean held, String why) {
    }

    private ScaleOutVerdict() {
    }

    public static Judgement judge(int copiesOnNewWorker, int copies, int workers, Duration longestGap, Duration bound) {
        double share = (double) copies / workers;
        boolean tookItsShare = copiesOnNewWorker >= Math.floor(share * 0.9);
        boolean served = longestGap.compareTo(bound) <= 0;
        String figures = String.format(Locale.ROOT, "the new worker took %d of the %d shard copies (an even share is %.1f), and the"
                + " longest time a client went without a success was %.2f s (bound %d s)", copiesOnNewWorker, copies, share,
                longestGap.toMillis() / 1000.0, bound.toSeconds());
        if (!tookItsShare) {
            return new Judgement(false, figures + ": the new worker did not take its share");
        }
        if (!served) {
            return new Judgement(false, figures + ": clients waited longer than the bound while the cluster grew");
        }
        return new Judgement(true, figures);
    }
}
