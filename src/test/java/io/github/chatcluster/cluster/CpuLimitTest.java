package io.github.chatcluster.cluster;

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
        assertThat(CpuLimit.cpus()).isEmpty();
        assertThat(CpuLimit.describe()).isEqualTo("no CPU limit per container");
    }

    @Test
    void aFractionOfACpu() {
        System.setProperty(CpuLimit.PROPERTY, "0.5");
        assertThat(CpuLimit.cpus()).contains(0.5);
        assertThat(CpuLimit.describe()).isEqualTo("0.5 CPUs per container (-Dcluster.cpus)");
    }

    @Test
    void somethingElseIsOneClearError() {
        System.setProperty(CpuLimit.PROPERTY, "half");
        assertThatThrownBy(CpuLimit::cpus).hasMessageContaining("-Dcluster.cpus=half is not a CPU limit")
                .hasMessageContaining("-Dcluster.cpus=0.5");
        System.setProperty(CpuLimit.PROPERTY, "-1");
        assertThatThrownBy(CpuLimit::cpus).hasMessageContaining("is not a CPU limit");
    }
}
