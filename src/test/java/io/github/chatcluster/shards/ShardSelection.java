package io.github.chatcluster.shards;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

import io.github.chatcluster.schedule.RecordedDurations;
import io.github.chatcluster.schedule.ScenarioDescriptors;

/**
 * Which scenarios this run runs: the ones the run selected (tags, name), and, with {@code -Dsuite.shard=i/n}, of
 * those the i-th part ({@link Partition}, by recorded durations). Computed once per discovery of Cucumber's engine,
 * and shared by the filter that drops the other parts ({@link ShardFilter}) and the order that starts the long
 * scenarios first.
 */
public final class ShardSelection {

    private static final Map<UniqueId, Set<UniqueId>> OF_ENGINE = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();
    /** The run's selection before the split: "90 scenarios, 1a2b3c4d" (a fingerprint of their names); empty until partitioned. */
    private static volatile String selected = "";

    private ShardSelection() {
    }

    /** Whether the scenario runs in this run (its engine's scenarios are partitioned on first use). */
    public static boolean runsHere(TestDescriptor scenario) {
        if (!ScenarioDescriptors.isSelected(scenario)) {
            return false;
        }
        Shard shard = Shard.ofThisRun().orElse(null);
        if (shard == null) {
            return true;
        }
        TestDescriptor engine = ScenarioDescriptors.engineOf(scenario);
        return OF_ENGINE.computeIfAbsent(engine.getUniqueId(), id -> partOf(engine, shard)).contains(scenario.getUniqueId());
    }

    private static Set<UniqueId> partOf(TestDescriptor engine, Shard shard) {
        List<TestDescriptor> scenarios = ScenarioDescriptors.scenarios(engine).stream().filter(ScenarioDescriptors::isSelected).toList();
        List<Partition.Item<UniqueId>> items = scenarios.stream().map(s -> new Partition.Item<>(s.getUniqueId(),
                ScenarioDescriptors.key(s) + " @" + s.getUniqueId().getLastSegment().getValue(), ScenarioDescriptors.expectedSeconds(s),
                ScenarioDescriptors.isBenchmark(s))).toList();
        Partition.Result<UniqueId> parts = Partition.split(items, shard.count());
        SourceCommit.ofThisRun(); // read as the run starts (cached): the code that runs, even if HEAD moves during the run
        selected = fingerprint(items.stream().map(Partition.Item::name).toList());
        List<UniqueId> mine = parts.of(shard.index());
        if (SAID.compareAndSet(false, true)) { // Failsafe discovers twice: said once
            List<String> unrecorded = scenarios.stream().map(ScenarioDescriptors::key).filter(k -> RecordedDurations.expected(k).isEmpty()).toList();
            double total = java.util.Arrays.stream(parts.expectedSeconds()).sum();
            System.out.println(String.format(Locale.ROOT, "Shard %s: %d of the %d selected scenarios, expected %.0f s of %.0f s (parts: %s)",
                    shard, mine.size(), scenarios.size(), parts.expectedSeconds()[shard.index() - 1], total, describe(parts.expectedSeconds())));
            if (!unrecorded.isEmpty()) {
                System.out.println(String.format(Locale.ROOT, "  %d scenarios have no recorded time, each counted as %.0f s: %s",
                        unrecorded.size(), RecordedDurations.DEFAULT_SECONDS, unrecorded));
            }
        }
        return new HashSet<>(mine);
    }

    /** The run's selection before the split, for its shards' merge to compare: "90 scenarios, 1a2b3c4d"; "" before. */
    public static String selected() {
        return selected;
    }

    static String fingerprint(List<String> scenarioNames) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            scenarioNames.stream().sorted().forEach(n -> sha.update((n + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return scenarioNames.size() + " scenarios, " + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(double[] seconds) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < seconds.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d: %.0f s", i + 1, seconds[i]));
        }
        return s.toString();
    }
}
