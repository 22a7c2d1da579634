package io.github.chatcluster.schedule;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

import io.github.chatcluster.cluster.ClusterParallelism;

/**
 * In a run of several clusters, the scenarios that take long start first, so that none of them is the last one
 * running while the other clusters are idle, and the ones that run alone ({@code @benchmark}) start last, when
 * what runs beside them is short (the machine is theirs once the scenarios running before them end:
 * {@link MachineGate}). Every level is arranged by {@link WorkOrder}: a feature by the work of its scenarios, a
 * feature's scenarios by their own. Among equals, Cucumber's random order stays. A run of one cluster keeps the random
 * order as it is.
 *
 * <p>Scores: a scenario's recorded seconds ({@link RecordedDurations}; the default when it has none), at least 1;
 * {@code @benchmark}, a scenario the run did not select, or one of another shard, 0; a container scores the sum of its
 * scenarios. No tag says which scenario is long.
 */
public final class LongScenariosFirst implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (ScenarioDescriptors.isCucumberContainer(descriptor)) {
            ClusterParallelism.configure(); // the machine is calibrated once, when there are scenarios to run
        }
        if (ScenarioDescriptors.isCucumberContainer(descriptor) && ClusterParallelism.clusters() > 1) {
            boolean features = "engine".equals(descriptor.getUniqueId().getLastSegment().getType()); // the engine's children
            descriptor.orderChildren(children -> features ? WorkOrder.forTheFirstThread(children, LongScenariosFirst::score)
                    : WorkOrder.forBothEnds(children, LongScenariosFirst::score));
        }
        return FilterResult.included("every scenario runs; only their order changes");
    }

    static int score(TestDescriptor descriptor) {
        if (descriptor.isTest()) {
            if (!io.github.chatcluster.shards.ShardSelection.runsHere(descriptor)) {
                return 0; // skipped, or in another shard: no work here
            }
            return score(ScenarioDescriptors.isBenchmark(descriptor), ScenarioDescriptors.expectedSeconds(descriptor));
        }
        return descriptor.getChildren().stream().mapToInt(LongScenariosFirst::score).sum();
    }

    static int score(boolean benchmark, double expectedSeconds) {
        return benchmark ? 0 : (int) Math.max(1, Math.round(expectedSeconds));
    }
}
