package io.github.chatcluster.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.RunRecord;
import io.github.chatcluster.report.Verdict;

class MergeShardsTest {

    /** As Figures records them: the counts and the seconds waited are totals, the scenarios not run numbered items. */
    private static RunRecord.Kind kindOf(String key) {
        if (key.startsWith("run.scenarios-on.") || key.equals("baseline.checks") || key.equals("run.waited-for-the-machine-seconds")) {
            return RunRecord.Kind.TOTAL;
        }
        return key.startsWith("not-run.") ? RunRecord.Kind.NUMBERED : RunRecord.Kind.VALUE;
    }

    private static MergeShards.ShardReport shard(int i, int n, String seed, Map<String, String> figures, RunRecord.Finding... findings) {
        Map<String, RunRecord.Kind> kinds = new java.util.TreeMap<>();
        figures.keySet().stream().filter(k -> kindOf(k) != RunRecord.Kind.VALUE).forEach(k -> kinds.put(k, kindOf(k)));
        return new MergeShards.ShardReport(i, n, seed, new RunRecord.Contents(figures, kinds, List.of(findings)));
    }

    @Test
    void aShardThatDidNotReportIsNamed() {
        List<MergeShards.ShardReport> shards = List.of(shard(1, 3, "7", Map.of()), new MergeShards.ShardReport(2, 3, null, null));
        assertThatThrownBy(() -> MergeShards.check(shards)).hasMessageContaining("shard 2 of 3 did not report")
                .hasMessageContaining("shard 3 of 3 did not report: no shard-3-of-3/ directory");
    }

    @Test
    void shardsOfDifferentRunsAreRefused() {
        assertThatThrownBy(() -> MergeShards.check(List.of(shard(1, 2, "7", Map.of()), shard(2, 2, "8", Map.of()))))
                .hasMessageContaining("different seeds");
        assertThatThrownBy(() -> MergeShards.check(List.of(shard(1, 2, "7", Map.of()), shard(2, 3, "7", Map.of()))))
                .hasMessageContaining("split differently");
    }

    /** A shard directory left from an earlier run of another commit, or of another selection, with the same n and seed. */
    @Test
    void aStaleShardOfAnotherCommitOrSelectionIsNamed() {
        RunRecord.Contents empty = new RunRecord.Contents(Map.of(), Map.of(), List.of());
        String a = "a".repeat(40);
        String b = "b".repeat(40);
        assertThatThrownBy(() -> MergeShards.check(List.of(new MergeShards.ShardReport(1, 3, "7", a, "90 scenarios, x", empty),
                new MergeShards.ShardReport(2, 3, "7", b, "90 scenarios, x", empty),
                new MergeShards.ShardReport(3, 3, "7", a, "90 scenarios, x", empty))))
                .hasMessageContaining("different commits (shards 1, 3: " + a + "; shard 2: " + b + ")");
        assertThatThrownBy(() -> MergeShards.check(List.of(new MergeShards.ShardReport(1, 2, "7", a, "90 scenarios, x", empty),
                new MergeShards.ShardReport(2, 2, "7", a, "89 scenarios, y", empty))))
                .hasMessageContaining("different selections of scenarios (shard 2: 89 scenarios, y; shard 1: 90 scenarios, x)");
        // a commit that could not be read is not compared
        assertThat(MergeShards.check(List.of(new MergeShards.ShardReport(1, 2, "7", a, "90 scenarios, x", empty),
                new MergeShards.ShardReport(2, 2, "7", "unknown", "90 scenarios, x", empty)))).contains("merged from 2 shards");
    }

    @Test
    void countsAreAddedUpEvenWhenEqualAndNumberedFiguresNumberedAgain() {
        Map<String, String> merged = MergeShards.figures(List.of(
                shard(2, 2, "7", Map.of("run.scenarios-on.cluster-1", "20", "baseline.checks", "30", "not-run.01", "b: why",
                        "run.waited-for-the-machine-seconds", "1.50")),
                shard(1, 2, "7", Map.of("run.scenarios-on.cluster-1", "20", "baseline.checks", "30", "not-run.01", "a: why",
                        "run.waited-for-the-machine-seconds", "2.25")))).figures();
        assertThat(merged).containsEntry("run.scenarios-on.cluster-1", "40").containsEntry("baseline.checks", "60")
                .containsEntry("not-run.01", "a: why").containsEntry("not-run.02", "b: why")
                .containsEntry("run.waited-for-the-machine-seconds", "3.75");
    }

    @Test
    void figuresAreKeptAddedUpOrNamedByShard() {
        Map<String, String> merged = MergeShards.figures(List.of(
                shard(1, 2, "7", Map.of("a.scenario", "1.5", "run.scenarios-on.cluster-1", "20", "run.clusters", "2 clusters", "claim.x", "held")),
                shard(2, 2, "7", Map.of("b.scenario", "2.5", "run.scenarios-on.cluster-1", "25", "run.clusters", "1 cluster")))).figures();
        assertThat(merged).containsEntry("a.scenario", "1.5").containsEntry("b.scenario", "2.5")
                .containsEntry("run.scenarios-on.cluster-1", "45").containsEntry("run.clusters.shard-1", "2 clusters")
                .containsEntry("run.clusters.shard-2", "1 cluster").doesNotContainKey("claim.x");
    }

    @Test
    void aClaimIsJudgedFromTheFindingsOfEveryShard(@TempDir Path dir) throws Exception {
        RunRecord.Finding held = new RunRecord.Finding("EVENTUAL_CONSISTENCY", Verdict.HELD, "scenario one", "every append\tread");
        RunRecord.Finding against = new RunRecord.Finding("EVENTUAL_CONSISTENCY", Verdict.NOT_HELD, "scenario two", "one lost\nappend");
        RunRecord.Finding other = new RunRecord.Finding("STORAGE_OVERHEAD_2X", Verdict.HELD, "scenario three", "twice");
        write(dir, 1, RunRecord.format(new RunRecord.Contents(Map.of("f.one", "1"), Map.of(), List.of(held, other))));
        write(dir, 2, RunRecord.format(new RunRecord.Contents(Map.of("f.two", "2"), Map.of(), List.of(against))));
        MergeShards.main(new String[] {dir.toString()});
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertThat(summary).contains("merged from 2 shards").contains("not held (1 of 2 findings)").contains("held (1 finding)");
        assertThat(Files.readString(dir.resolve("figures.properties"))).contains("f.one = 1").contains("f.two = 2");
        assertThat(dir.resolve("claims.html")).exists();
    }

    private static void write(Path dir, int i, String record) throws Exception {
        Path shard = Files.createDirectories(dir.resolve("shard-" + i + "-of-2"));
        Files.writeString(shard.resolve(Figures.RECORD), record);
        Files.writeString(shard.resolve(Figures.SHARD_DONE), "shard = " + i + "/2\nseed = 42\n");
    }
}
