package io.github.chatcluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkOrderTest {

    private static final Map<String, Integer> SCORE = Map.of("pooled", 2, "upgrade", 2, "trials", 0, "a", 1, "b", 1, "c", 1);

    @Test
    void theHighestScoresStartFirstAndTheLowestLast() {
        List<String> arranged = WorkOrder.forBothEnds(List.of("a", "trials", "pooled", "b", "upgrade", "c"), SCORE::get);
        assertThat(WorkOrder.startOrder(arranged)).containsExactly("pooled", "upgrade", "a", "b", "c", "trials");
        assertThat(arranged).containsExactly("upgrade", "b", "trials", "c", "a", "pooled");
    }

    @Test
    void equalScoresKeepTheOrderTheyCameIn() {
        List<String> arranged = WorkOrder.forBothEnds(List.of("c", "a", "b"), SCORE::get);
        assertThat(WorkOrder.startOrder(arranged)).containsExactly("c", "a", "b");
    }

    @Test
    void forTheFirstThreadTheHighestGoesLastAndTheOthersFromTheStartHighestFirst() {
        assertThat(WorkOrder.forTheFirstThread(List.of("a", "trials", "pooled", "b", "upgrade", "c"), SCORE::get))
                .containsExactly("upgrade", "a", "b", "c", "trials", "pooled");
        assertThat(WorkOrder.forTheFirstThread(List.<String>of(), SCORE::get)).isEmpty();
    }

    @Test
    void emptyAndSingleLists() {
        assertThat(WorkOrder.forBothEnds(List.<String>of(), SCORE::get)).isEmpty();
        assertThat(WorkOrder.forBothEnds(List.of("a"), SCORE::get)).containsExactly("a");
    }
}
