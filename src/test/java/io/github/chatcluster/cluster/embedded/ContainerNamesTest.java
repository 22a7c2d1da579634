package io.github.chatcluster.cluster.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerNamesTest {

    @Test
    void aNameSaysTheRunTheClusterAndTheRole() {
        ContainerNames names = new ContainerNames("cluster-2");
        assertThat(names.next("worker-3")).isEqualTo("chat-" + ContainerNames.RUN + "-c2-worker-3");
        assertThat(names.next("faults-worker-3")).isEqualTo("chat-" + ContainerNames.RUN + "-c2-faults-worker-3");
        assertThat(new ContainerNames("own-cluster-1").next("coordinator-1")).isEqualTo("chat-" + ContainerNames.RUN + "-own1-coordinator-1");
        assertThat(ContainerNames.RUN).matches("[0-9a-f]{6}");
        assertThat(ContainerNames.ofTheRun().next("node-template")).isEqualTo("chat-" + ContainerNames.RUN + "-node-template");
    }

    @Test
    void aRoleStartedAgainGetsANumber() {
        ContainerNames names = new ContainerNames("cluster-1");
        names.next("worker-1");
        assertThat(names.next("worker-1")).endsWith("-c1-worker-1-2");
        assertThat(names.next("worker-1")).endsWith("-c1-worker-1-3");
    }
}
