package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chatcluster.report.BlockOrder.Arm;
import io.github.chatcluster.report.BlockOrder.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockOrderTest {

    @Test
    void warmUpsComeFirstAndEveryBlockRunsEachArmTwiceAroundTheOther() {
        List<Trial> trials = BlockOrder.of(7, 2, 3);
        assertThat(trials).hasSize(14);
        assertThat(trials.subList(0, 2)).allMatch(Trial::warmUp).extracting(Trial::arm).containsExactly(Arm.A, Arm.B);
        for (int b = 0; b < 3; b++) {
            List<Arm> block = trials.subList(2 + 4 * b, 6 + 4 * b).stream().map(Trial::arm).toList();
            assertThat(block).isIn(List.of(Arm.A, Arm.B, Arm.B, Arm.A), List.of(Arm.B, Arm.A, Arm.A, Arm.B));
        }
        assertThat(trials.stream().filter(t -> !t.warmUp() && t.arm() == Arm.A)).hasSize(6);
    }

    @Test
    void theSameSeedGivesTheSameOrderAndSeedsVaryIt() {
        assertThat(BlockOrder.of(11, 2, 4)).isEqualTo(BlockOrder.of(11, 2, 4));
        Set<List<Arm>> firstBlocks = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            firstBlocks.add(BlockOrder.of(seed, 0, 1).stream().map(Trial::arm).toList());
        }
        assertThat(firstBlocks).hasSize(2);
    }
}
