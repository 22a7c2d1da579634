package io.github.chatcluster.shards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.RunRecord;

/**
 * Builds one run's {@code summary.txt}, {@code claims.html} and {@code figures.properties} from the reports of its
 * shards ({@code shard-i-of-n/} directories, as {@code -Dsuite.shard=i/n} writes them, or as a CI job downloads
 * them, perhaps with a prefix: "citus-14.0.0-shard-2-of-3/"): every finding of every shard counts, so a claim decided in one shard is decided in the merge. Fails, naming
 * it, when a shard did not report (it did not finish), or when the shards do not belong to one run (their number of
 * parts or their seeds differ).
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.mainClass=io.github.chatcluster.shards.MergeShards
 * -Dexec.classpathScope=test [-Dexec.args=<directory>]} (default: target/cucumber-reports).
 */
public final class MergeShards {

    private static final Pattern SHARD_DIRECTORY = Pattern.compile("(?:.+-)?shard-(\\d+)-of-(\\d+)");

    /**
     * One shard's reports: which part it is, its seed, the commit its code came from, the run's selection before the
     * split ("90 scenarios, 1a2b3c4d"), and its record (null when it did not report).
     */
    record ShardReport(int index, int count, String seed, String commit, String selected, RunRecord.Contents record) {
        ShardReport(int index, int count, String seed, RunRecord.Contents record) {
            this(index, count, seed, SourceCommit.UNKNOWN, "", record);
        }
    }

    private MergeShards() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/cucumber-reports");
        try {
            List<ShardReport> shards = read(directory);
            String order = check(shards);
            List<RunRecord.Finding> findings = new ArrayList<>();
            shards.forEach(s -> findings.addAll(s.record().findings()));
            RunRecord.Contents figures = figures(shards);
            Figures.merged(new RunRecord.Contents(figures.figures(), figures.kinds(), findings), order, directory);
            System.out.println("Merged " + shards.size() + " shards into " + directory.resolve("summary.txt") + ", claims.html and figures.properties");
        } catch (IllegalStateException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    static List<ShardReport> read(Path directory) {
        List<ShardReport> shards = new ArrayList<>();
        try (Stream<Path> children = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            for (Path child : children.sorted().toList()) {
                Matcher m = SHARD_DIRECTORY.matcher(child.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                Path done = child.resolve(Figures.SHARD_DONE);
                Path record = child.resolve(Figures.RECORD);
                String seed = null;
                String commit = SourceCommit.UNKNOWN;
                String selected = "";
                RunRecord.Contents contents = null;
                if (Files.exists(done) && Files.exists(record)) {
                    Properties p = new Properties();
                    try (var in = Files.newInputStream(done)) {
                        p.load(in);
                    }
                    seed = p.getProperty("seed", "");
                    commit = p.getProperty("commit", SourceCommit.UNKNOWN);
                    selected = p.getProperty("selected", "");
                    contents = RunRecord.parse(Files.readString(record));
                }
                shards.add(new ShardReport(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), seed, commit, selected, contents));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shards' reports in " + directory, e);
        }
        if (shards.isEmpty()) {
            throw new IllegalStateException("no shard's reports (shard-i-of-n/) in " + directory.toAbsolutePath()
                    + ": run each shard with -D" + Shard.PROPERTY + "=i/n first, or give the directory that holds them");
        }
        return shards;
    }

    /** The shards must be all n parts of one run, each finished; returns the merged run's order line. */
    static String check(List<ShardReport> shards) {
        int n = shards.get(0).count();
        List<String> problems = new ArrayList<>();
        if (shards.stream().anyMatch(s -> s.count() != n)) {
            problems.add("the shards are parts of runs split differently: " + shards.stream().map(s -> s.index() + "/" + s.count()).toList()
                    + " (remove the shard-i-of-n/ directories of earlier runs, or give the directory of this run's shards alone)");
        }
        for (int i = 1; i <= n; i++) {
            int part = i;
            ShardReport s = shards.stream().filter(r -> r.index() == part && r.count() == n).findFirst().orElse(null);
            if (s == null) {
                problems.add("shard " + i + " of " + n + " did not report: no shard-" + i + "-of-" + n + "/ directory");
            } else if (s.record() == null) {
                problems.add("shard " + i + " of " + n + " did not report: shard-" + i + "-of-" + n + "/ has no " + Figures.SHARD_DONE
                        + " and " + Figures.RECORD + " (its run did not finish)");
            }
        }
        differing(shards, ShardReport::seed, seed -> true).ifPresent(d -> problems.add("the shards ran with different seeds (" + d
                + "): give each the same -Dcucumber.execution.order.random.seed"));
        differing(shards, ShardReport::commit, commit -> !SourceCommit.UNKNOWN.equals(commit)).ifPresent(d -> problems.add("the shards' code came from different"
                + " commits (" + d + "): a shard directory of an earlier run is among them; run every shard again, or give the directory"
                + " of this run's shards alone"));
        differing(shards, ShardReport::selected, selected -> !selected.isEmpty()).ifPresent(d -> problems.add("the shards split different selections of scenarios ("
                + d + "): give every shard the same -Dcucumber.filter.tags and -Dcucumber.filter.name, and the same features"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot merge the shards: " + String.join("; ", problems));
        }
        String seed = shards.stream().filter(s -> s.record() != null).map(ShardReport::seed).findFirst().orElse("");
        return (seed == null || seed.isEmpty() ? "Scenario order: as each shard ran" : "Scenario order: random, seed " + seed
                + " (repeat it with -Dcucumber.execution.order.random.seed=" + seed + ")") + "; merged from " + n + " shards (-D"
                + Shard.PROPERTY + "=i/" + n + ")";
    }

    /** "shard 1: a; shards 2, 3: b" when the reporting shards give more than one known value; empty when they agree. */
    private static java.util.Optional<String> differing(List<ShardReport> shards, java.util.function.Function<ShardReport, String> value,
                                                       java.util.function.Predicate<String> known) {
        Map<String, List<Integer>> byValue = new TreeMap<>();
        shards.stream().filter(s -> s.record() != null && value.apply(s) != null && known.test(value.apply(s)))
                .forEach(s -> byValue.computeIfAbsent(value.apply(s), v -> new ArrayList<>()).add(s.index()));
        if (byValue.size() < 2) {
            return java.util.Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        byValue.forEach((v, idx) -> parts.add((idx.size() == 1 ? "shard " : "shards ") + idx.stream().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + ": " + v));
        return java.util.Optional.of(String.join("; ", parts));
    }

    /**
     * The figures of the merged run, by their kind ({@link RunRecord.Kind}, as {@link Figures} recorded them): totals over
     * the run added up; items numbered through the run numbered again, shard after shard; any other figure that only one
     * shard has, or that every shard gives alike, as it is, and one the shards give differently, once per shard
     * ("key.shard-2"). The claims' verdicts are not taken: they are made again from every shard's findings.
     */
    static RunRecord.Contents figures(List<ShardReport> shards) {
        Map<String, Map<Integer, String>> byKey = new TreeMap<>();
        Map<String, Integer> numbered = new TreeMap<>();
        Map<String, String> merged = new TreeMap<>();
        Map<String, RunRecord.Kind> kinds = new TreeMap<>();
        for (ShardReport s : shards.stream().sorted(java.util.Comparator.comparingInt(ShardReport::index)).toList()) {
            for (Map.Entry<String, String> e : s.record().figures().entrySet()) {
                RunRecord.Kind kind = s.record().kindOf(e.getKey());
                if (kind == RunRecord.Kind.NUMBERED) {
                    String prefix = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
                    String key = String.format(java.util.Locale.ROOT, "%s.%02d", prefix, numbered.merge(prefix, 1, Integer::sum));
                    merged.put(key, e.getValue());
                    kinds.put(key, kind);
                } else {
                    byKey.computeIfAbsent(e.getKey(), x -> new TreeMap<>()).put(s.index(), e.getValue());
                    if (kind == RunRecord.Kind.TOTAL) {
                        kinds.put(e.getKey(), kind);
                    }
                }
            }
        }
        byKey.forEach((key, values) -> {
            if (key.startsWith("claim.")) {
                return;
            }
            if (kinds.get(key) == RunRecord.Kind.TOTAL) {
                double sum = values.values().stream().mapToDouble(Double::parseDouble).sum();
                merged.put(key, values.values().stream().allMatch(v -> v.matches("-?\\d+")) ? String.valueOf((long) sum)
                        : String.format(java.util.Locale.ROOT, "%.2f", sum));
            } else if (values.values().stream().distinct().count() == 1) {
                merged.put(key, values.values().iterator().next());
            } else {
                values.forEach((shard, v) -> merged.put(key + ".shard-" + shard, v));
            }
        });
        return new RunRecord.Contents(merged, kinds, List.of());
    }
}
