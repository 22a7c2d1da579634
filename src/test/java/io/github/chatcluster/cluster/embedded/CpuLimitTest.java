package io.github.chatcluster.cluster.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CpuLimitTest {

    @AfterEach
    void clear() {
        System.clearProperty(CpuLimit.PROPERTY);
    }

    @Test
    void noLimitUnlessOneIsAskedFor() {
        assertThat(CpuLimit.parse("")).isEmpty();
        assertThat(CpuLimit.parse("  ")).isEmpty();
    }

    @Test
    void aFractionOfACpuFromTheSystemProperty() {
        System.setProperty(CpuLimit.PROPERTY, "0.5");
        assertThat(CpuLimit.cpus()).contains(0.5);
        assertThat(CpuLimit.describe()).isEqualTo("0.5 CPUs per container (-Dcluster.cpus)");
    }

    @Test
    void somethingElseIsOneClearError() {
        assertThatThrownBy(() -> CpuLimit.parse("half")).hasMessageContaining("-Dcluster.cpus=half is not a CPU limit")
                .hasMessageContaining("-Dcluster.cpus=0.5");
        assertThatThrownBy(() -> CpuLimit.parse("-1")).hasMessageContaining("is not a CPU limit");
    }
}
