package io.github.chatcluster.shards;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

import io.github.chatcluster.schedule.ScenarioDescriptors;

/**
 * With {@code -Dsuite.shard=i/n}: only the i-th of n parts of the selected scenarios run ({@link ShardSelection}).
 * Without it, every scenario stays (the ones the run did not select are skipped by Cucumber, as ever).
 */
public final class ShardFilter implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (Shard.ofThisRun().isEmpty() || !ScenarioDescriptors.isCucumberScenario(descriptor)) {
            return FilterResult.included("the whole run, or not a scenario");
        }
        return ShardSelection.runsHere(descriptor) ? FilterResult.included("in this shard")
                : FilterResult.excluded("in another shard, or not selected");
    }
}
