package io.github.chatcluster.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.chatcluster.catalog.CitusCatalog.Placement;

class ShardLayoutTest {

    private static ShardLayout layout(Object... shardAndNodes) {
        List<Placement> placements = new java.util.ArrayList<>();
        for (int i = 0; i < shardAndNodes.length; i += 2) {
            for (String node : ((String) shardAndNodes[i + 1]).split(",")) {
                placements.add(new Placement((Long) shardAndNodes[i], "messages", node));
            }
        }
        return ShardLayout.of(placements);
    }

    @Test
    void countsTheCopiesThatMovedOrWereMade() {
        ShardLayout before = layout(1L, "w1,w2", 2L, "w2,w3", 3L, "w3,w4");
        ShardLayout after = layout(1L, "w1,w5", 2L, "w2,w3", 3L, "w5,w4");
        assertThat(after.copiesNotIn(before)).isEqualTo(2);
        assertThat(before.copiesNotIn(before)).isZero();
        assertThat(after.copiesPerNode(List.of("w1", "w2", "w3", "w4", "w5")))
                .containsEntry("w5", 2).containsEntry("w2", 1).containsEntry("w3", 1);
    }

    @Test
    void findsTheShardsWithTheWrongNumberOfCopies() {
        ShardLayout layout = layout(1L, "w1,w2", 2L, "w3", 3L, "w1,w2,w3");
        assertThat(layout.shardsWithout(2)).containsOnlyKeys(2L, 3L);
        assertThat(layout.copies()).isEqualTo(6);
    }

    @Test
    void aShareWithinTenPercent() {
        assertThat(ShardLayout.withinShare(Map.of("a", 39, "b", 39, "c", 39, "d", 39, "e", 36), 192, 0.1)).isTrue();
        assertThat(ShardLayout.withinShare(Map.of("a", 45, "b", 45, "c", 45, "d", 45, "e", 12), 192, 0.1)).isFalse();
        assertThat(ShardLayout.withinShare(Map.of("a", 48, "b", 48, "c", 48, "d", 48), 192, 0.0)).isTrue();
    }
}
