package io.github.chatcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterParallelismTest {

    @Test
    void aGivenNumberOfClusters() {
        assertThat(ClusterParallelism.parse(" 2 ")).contains(2);
        assertThat(ClusterParallelism.parse("")).isEmpty();
    }

    @Test
    void oneClusterMoreThanPlacesWhenScenariosRunSideBySide() {
        assertThat(ClusterParallelism.clustersFor(3)).isEqualTo(4);
        assertThat(ClusterParallelism.clustersFor(1)).as("one scenario at a time: no one borrows").isEqualTo(1);
    }

    @Test
    void aBadNumberSaysWhatIsExpected() {
        assertThatThrownBy(() -> ClusterParallelism.parse("0")).hasMessageContaining("1 or more: \"0\"");
        assertThatThrownBy(() -> ClusterParallelism.parse("three")).hasMessageContaining("-Dcluster.parallel");
    }
}
