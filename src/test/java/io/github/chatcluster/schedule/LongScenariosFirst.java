package io.github.chatcluster.schedule;

import java.util.Set;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
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
 * <p>Scores: {@code @minutes} (takes minutes on its own) 100, {@code @long} (20 s or more on its own) 10, any other
 * scenario 1, {@code @benchmark} 0; a container scores the sum of its scenarios.
 */
public final class LongScenariosFirst implements PostDiscoveryFilter {

    static final TestTag MINUTES = TestTag.create("minutes");
    static final TestTag LONG = TestTag.create("long");
    static final TestTag BENCHMARK = TestTag.create("benchmark");

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (isCucumberContainer(descriptor)) {
            ClusterParallelism.configure(); // the machine is calibrated once, when there are scenarios to run
        }
        if (isCucumberContainer(descriptor) && ClusterParallelism.clusters() > 1) {
            boolean features = "engine".equals(descriptor.getUniqueId().getLastSegment().getType()); // the engine's children
            descriptor.orderChildren(children -> features ? WorkOrder.forTheFirstThread(children, LongScenariosFirst::score)
                    : WorkOrder.forBothEnds(children, LongScenariosFirst::score));
        }
        return FilterResult.included("every scenario runs; only their order changes");
    }

    private static boolean isCucumberContainer(TestDescriptor descriptor) {
        return descriptor.isContainer() && descriptor.getUniqueId().getSegments().stream()
                .anyMatch(s -> "engine".equals(s.getType()) && "cucumber".equals(s.getValue()));
    }

    static int score(TestDescriptor descriptor) {
        if (descriptor.isTest()) {
            return score(descriptor.getTags());
        }
        return descriptor.getChildren().stream().mapToInt(LongScenariosFirst::score).sum();
    }

    static int score(Set<TestTag> tags) {
        if (tags.contains(BENCHMARK)) {
            return 0;
        }
        if (tags.contains(MINUTES)) {
            return 100;
        }
        return tags.contains(LONG) ? 10 : 1;
    }
}
