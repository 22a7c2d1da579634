package io.github.chatcluster.shards;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;

import io.github.chatcluster.schedule.RecordedDurations;
import io.github.chatcluster.schedule.ScenarioDescriptors;

/**
 * With {@code -Dsuite.shard=i/n}: only the i-th of n parts of the selected scenarios run ({@link Partition}, by their
 * recorded durations). Without it, every scenario runs. The run says which part it is, how many scenarios and seconds
 * it expects, and which scenarios had no recorded time.
 */
public final class ShardFilter implements PostDiscoveryFilter {

    private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();

    private final Optional<Shard> shard = Shard.ofThisRun();
    private Set<UniqueId> included;

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (shard.isEmpty()) {
            return FilterResult.included("the whole run");
        }
        if (ScenarioDescriptors.isCucumberEngine(descriptor)) {
            included = partOfThisShard(descriptor, shard.get());
        }
        if (!descriptor.isTest() || included == null || !ScenarioDescriptors.isCucumberContainer(descriptor.getParent().orElse(descriptor))) { // not one of the scenarios
            return FilterResult.included("not a scenario");
        }
        return included.contains(descriptor.getUniqueId()) ? FilterResult.included("in shard " + shard.get())
                : FilterResult.excluded("in another shard than " + shard.get());
    }

    private static Set<UniqueId> partOfThisShard(TestDescriptor engine, Shard shard) {
        List<TestDescriptor> scenarios = ScenarioDescriptors.scenarios(engine);
        List<Partition.Item<UniqueId>> items = scenarios.stream().map(s -> new Partition.Item<>(s.getUniqueId(),
                ScenarioDescriptors.key(s) + " @" + s.getUniqueId().getLastSegment().getValue(), ScenarioDescriptors.expectedSeconds(s),
                ScenarioDescriptors.isBenchmark(s))).toList();
        Partition.Result<UniqueId> parts = Partition.split(items, shard.count());
        List<UniqueId> mine = parts.of(shard.index());
        List<String> unrecorded = scenarios.stream().map(ScenarioDescriptors::key).filter(k -> RecordedDurations.expected(k).isEmpty()).toList();
        double total = java.util.Arrays.stream(parts.expectedSeconds()).sum();
        if (!SAID.compareAndSet(false, true)) {
            return new HashSet<>(mine); // discovered again (Failsafe discovers twice): said once
        }
        System.out.println(String.format(Locale.ROOT, "Shard %s: %d of %d scenarios, expected %.0f s of %.0f s (parts: %s)", shard,
                mine.size(), scenarios.size(), parts.expectedSeconds()[shard.index() - 1], total, describe(parts.expectedSeconds())));
        if (!unrecorded.isEmpty()) {
            System.out.println(String.format(Locale.ROOT, "  %d scenarios have no recorded time, each counted as %.0f s: %s",
                    unrecorded.size(), RecordedDurations.DEFAULT_SECONDS, unrecorded));
        }
        return new HashSet<>(mine);
    }

    private static String describe(double[] seconds) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < seconds.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d: %.0f s", i + 1, seconds[i]));
        }
        return s.toString();
    }
}
