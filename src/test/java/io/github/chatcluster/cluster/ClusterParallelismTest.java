package io.github.chatcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterParallelismTest {

    @Test
    void oneMoreThanTheCoresWhenThereIsMemoryEnough() {
        assertThat(ClusterParallelism.byTheMachine(2, 20.0)).isEqualTo(3);
        assertThat(ClusterParallelism.byTheMachine(1, 20.0)).isEqualTo(2);
    }

    @Test
    void atMostOneClusterPerOneAndAHalfGibBeyondTwo() {
        assertThat(ClusterParallelism.byTheMachine(8, 5.1)).isEqualTo(2);
        assertThat(ClusterParallelism.byTheMachine(8, 3.0)).isEqualTo(1);
    }

    @Test
    void neverMoreThanFourAndNeverNone() {
        assertThat(ClusterParallelism.byTheMachine(16, 64.0)).isEqualTo(4);
        assertThat(ClusterParallelism.byTheMachine(2, 1.0)).isEqualTo(1);
    }
}
