package io.github.chatcluster.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class MachineCapacityTest {

    private static MachineCapacity on(double idleCores, double nodeStart) {
        return MachineCapacity.decide(2, idleCores, OptionalDouble.of(nodeStart), 22.0);
    }

    @Test
    void theMachineTheBoundsWereSetOnRunsThreeAtOnce() {
        assertThat(on(1.8, 1.5).scenariosAtOnce()).isEqualTo(3); // the JVM's own start takes a little
        assertThat(on(2.0, 1.5).scenariosAtOnce()).isEqualTo(3);
        assertThat(on(2.0, 2.4).scenariosAtOnce()).isEqualTo(3);
        assertThat(on(2.0, 2.4).heavyWeight()).isEqualTo(2);
    }

    @Test
    void aMachineWhoseNodeStartsThreeTimesSlowerRunsOneAtATime() {
        MachineCapacity slow = on(2.0, 4.5); // measured on the new CI machine of 4 Dec 2026
        assertThat(slow.scenariosAtOnce()).isEqualTo(1);
        assertThat(slow.heavyWeight()).isEqualTo(1);
        assertThat(slow.why()).contains("one node ready in 4.5 s");
    }

    @Test
    void aCpuHogOnOneOfTwoCoresLeavesOneScenarioAtATime() {
        assertThat(on(1.0, 2.0).scenariosAtOnce()).isEqualTo(1);
    }

    @Test
    void aCoreCountsAsIdleWhenThreeQuartersOfItWere() {
        assertThat(MachineCapacity.wholeIdleCores(2, 1.75)).isEqualTo(2);
        assertThat(MachineCapacity.wholeIdleCores(2, 1.7)).isEqualTo(1);
        assertThat(MachineCapacity.wholeIdleCores(2, 0.2)).isEqualTo(1);
        assertThat(MachineCapacity.wholeIdleCores(2, 2.0)).isEqualTo(2);
    }

    @Test
    void aSomewhatSlowerMachineRunsTwo() {
        assertThat(on(2.0, 3.4).scenariosAtOnce()).isEqualTo(2);
    }

    @Test
    void anUncalibratedMachineCountsAsHalfAsFast() {
        assertThat(MachineCapacity.decide(2, 2.0, OptionalDouble.empty(), 22.0).scenariosAtOnce()).isEqualTo(1);
        assertThat(MachineCapacity.decide(8, 8.0, OptionalDouble.empty(), 64.0).scenariosAtOnce()).isEqualTo(4);
    }

    @Test
    void memoryAndTheCeilingBoundIt() {
        assertThat(MachineCapacity.decide(16, 16, OptionalDouble.of(1.0), 64.0).scenariosAtOnce()).isEqualTo(4);
        MachineCapacity small = MachineCapacity.decide(4, 4, OptionalDouble.of(1.0), 7.0);
        assertThat(small.scenariosAtOnce()).as("memory for 3 clusters: 2 places and the spare cluster").isEqualTo(2);
        assertThat(small.why()).contains("7.0 GiB available allow 2");
        assertThat(MachineCapacity.decide(4, 4, OptionalDouble.of(1.0), 5.5).scenariosAtOnce()).as("memory for 2 clusters: one at a time").isEqualTo(1);
        assertThat(MachineCapacity.decide(2, 0.1, OptionalDouble.of(30), 1.0).scenariosAtOnce()).isEqualTo(1);
    }

    @Test
    void weights() {
        MachineCapacity three = on(2.0, 2.0);
        assertThat(three.weightOf(true, false)).isEqualTo(3);
        assertThat(three.weightOf(false, true)).isEqualTo(2);
        assertThat(three.weightOf(false, false)).isEqualTo(1);
        assertThat(three.weightOf(true, true)).isEqualTo(3);
    }
}
