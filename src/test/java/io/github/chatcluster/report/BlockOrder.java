package io.github.chatcluster.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order of a comparison's trials: first warm-up trials of both arms, discarded, then blocks of four, each ABBA or
 * BAAB at random. Within a block each arm runs once before and once after the other, so a drift of the machine or of
 * the cluster over the run (caches filling, a table growing, autovacuum) weighs on both arms alike, and neither arm
 * always runs first. The order comes from a seed, so a run can be repeated.
 */
public final class BlockOrder {

    public enum Arm { A, B }

    /** Trials to a block: each arm twice. */
    public static final int BLOCK = 4;

    /** One trial: its arm, and whether it is a warm-up whose figure is discarded. */
    public record Trial(int index, Arm arm, boolean warmUp) {
    }

    private BlockOrder() {
    }

    /** @param blocks how many blocks of four (each arm runs 2 x blocks counted trials) */
    public static List<Trial> of(long seed, int warmUps, int blocks) {
        if (warmUps < 0 || blocks < 1) {
            throw new IllegalArgumentException("at least one block and no negative warm-up: " + warmUps + ", " + blocks);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < warmUps; i++) {
            trials.add(new Trial(trials.size(), i % 2 == 0 ? Arm.A : Arm.B, true));
        }
        for (int b = 0; b < blocks; b++) {
            boolean abba = random.nextBoolean();
            Arm first = abba ? Arm.A : Arm.B;
            Arm second = abba ? Arm.B : Arm.A;
            for (Arm arm : List.of(first, second, second, first)) { // BLOCK trials
                trials.add(new Trial(trials.size(), arm, false));
            }
        }
        return List.copyOf(trials);
    }
}
