package io.github.chatcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeTest {

    @Test
    void aNodeKnowsItsRole() {
        assertThat(Node.named("worker-3").isWorker()).isTrue();
        assertThat(Node.named("worker-5").isDatabase()).isTrue();
        assertThat(Node.named("coordinator-2").isCoordinator()).isTrue();
        assertThat(Node.named("load-balancer").isLoadBalancer()).isTrue();
        assertThat(Node.named("load-balancer").isDatabase()).isFalse();
        assertThat(Node.named("coordinator-1")).isEqualTo(Node.COORDINATOR_1).hasToString("coordinator-1");
    }

    @Test
    void aNameNoNodeHasIsRefused() {
        assertThatThrownBy(() -> Node.named("worker-6")).hasMessageContaining("no node of the cluster is named worker-6");
        assertThatThrownBy(() -> Node.named("the load balancer")).isInstanceOf(IllegalArgumentException.class);
    }
}
