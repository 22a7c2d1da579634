package io.github.chatcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoadBalancerRoutingTest {

    @Test
    void bothCoordinatorsReached() {
        var probe = new LoadBalancerRouting.Probe(List.of("coordinator-2", "coordinator-1"), List.of());
        assertThat(probe.reachesBothCoordinators()).isTrue();
    }

    @Test
    void oneCoordinatorOutOfRotationIsNamedWithTheCounts() {
        var probe = new LoadBalancerRouting.Probe(List.of("coordinator-1", "coordinator-1", "coordinator-1"),
                List.of("Connection attempt timed out."));
        assertThat(probe.reachesBothCoordinators()).isFalse();
        assertThat(probe.problem()).isEqualTo("new connections through the load balancer do not reach both coordinators: "
                + "3 of 4 went to coordinator-1, 0 of 4 went to coordinator-2, 1 failed (Connection attempt timed out.)");
    }
}
