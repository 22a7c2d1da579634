package io.github.chatcluster.schedule;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

import io.github.chatcluster.cluster.ClusterParallelism;

/**
 * In a run of several clusters, the ones that run alone ({@code @benchmark}, all in one feature) start first, one
 * after the other on the thread that takes their feature, and the other scenarios wait until they have
 * ({@link BenchmarksFirst}); then the scenarios that take long start first,
 * so that none of them is the last one running while the other clusters are idle. Every level is arranged by {@link WorkOrder}: a feature by the work of its scenarios, a
 * feature's scenarios by their own. Among equals, Cucumber's random order stays. A run of one cluster keeps the random
 * order as it is.
 *
 * <p>Scores: a scenario's recorded seconds ({@link RecordedDurations}; the default when it has none), at least 1;
 * {@code @benchmark} {@link #BENCHMARK}, above any other; a scenario the run did not select, or one of another shard, 0. A container ranks by the sum of its
 * scenarios' seconds over the run's clusters, or by its longest scenario when that is longer (longest processing time
 * first): a feature with one long scenario starts before a feature of many short ones that the clusters share. (Ranked
 * by the sum alone, the cluster-repair feature's one long scenario started last in a run of 5 Dec 2026, and the other
 * clusters were idle for its last 30 s.) No tag says which scenario is long.
 */
public final class LongScenariosFirst implements PostDiscoveryFilter {

    /** A benchmark's score: more than any feature's work, so that the features with one start first. */
    static final int BENCHMARK = 1_000_000;

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (ScenarioDescriptors.isCucumberContainer(descriptor)) {
            ClusterParallelism.configure(); // the machine is calibrated once, when there are scenarios to run
        }
        if (ScenarioDescriptors.isCucumberContainer(descriptor) && ClusterParallelism.capacity().scenariosAtOnce() > 1) {
            boolean features = "engine".equals(descriptor.getUniqueId().getLastSegment().getType()); // the engine's children
            int atOnce = ClusterParallelism.capacity().scenariosAtOnce();
            if (features) {
                MachineGate.ofTheRun().benchmarksFirst(benchmarks(descriptor), BenchmarksFirst.GRACE);
            }
            descriptor.orderChildren(children -> features ? WorkOrder.forTheFirstThread(children, d -> score(d, atOnce))
                    : WorkOrder.forBothEnds(children, d -> score(d, atOnce)));
        }
        return FilterResult.included("every scenario runs; only their order changes");
    }

    /**
     * A level's child is ranked by the least time it can take with every cluster of the run: its scenarios' work shared
     * by {@code clusters}, or its longest scenario, whichever is more (longest processing time first). Both are
     * counted in {@code clusters} (the scenarios at once) times a scenario's seconds, so that a scenario and a
     * container (an outline) compare. Work is counted in place-seconds: a heavy scenario's seconds count for each of
     * its places, so that a feature with heavy ones starts earlier (R26, 6 Dec 2026: the scale-out and a shard move,
     * two places each, started last, one after the other, with a place idle beside them).
     */
    static int score(TestDescriptor descriptor, int clusters) {
        return score(work(descriptor), longest(descriptor), clusters);
    }

    static int score(int work, int longest, int clusters) {
        return Math.max(work, longest * clusters);
    }

    /** The benchmarks this run runs here. */
    private static int benchmarks(TestDescriptor descriptor) {
        return descriptor.isTest() ? (ScenarioDescriptors.isBenchmark(descriptor) && io.github.chatcluster.shards.ShardSelection.runsHere(descriptor) ? 1 : 0)
                : descriptor.getChildren().stream().mapToInt(LongScenariosFirst::benchmarks).sum();
    }

    private static int work(TestDescriptor descriptor) {
        return descriptor.isTest() ? placeSeconds(seconds(descriptor), ScenarioDescriptors.isHeavy(descriptor), ClusterParallelism.capacity().heavyWeight())
                : descriptor.getChildren().stream().mapToInt(LongScenariosFirst::work).sum();
    }

    /** A scenario's seconds counted for each of its places. */
    static int placeSeconds(int seconds, boolean heavy, int heavyWeight) {
        return heavy ? seconds * heavyWeight : seconds;
    }

    private static int longest(TestDescriptor descriptor) {
        return descriptor.isTest() ? seconds(descriptor) : descriptor.getChildren().stream().mapToInt(LongScenariosFirst::longest).max().orElse(0);
    }

    private static int seconds(TestDescriptor scenario) {
        if (!io.github.chatcluster.shards.ShardSelection.runsHere(scenario)) {
            return 0; // skipped, or in another shard: no work here
        }
        return seconds(ScenarioDescriptors.isBenchmark(scenario), ScenarioDescriptors.expectedSeconds(scenario));
    }

    static int seconds(boolean benchmark, double expectedSeconds) {
        return benchmark ? BENCHMARK : (int) Math.max(1, Math.round(expectedSeconds));
    }
}
