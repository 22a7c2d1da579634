package io.github.chatcluster.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run measured and found, beside the HTML report in {@code target/cucumber-reports/}:
 * {@code figures.properties} (times, throughput, claims; for machines and trend charts) and
 * {@code summary.txt} (the original demo's claims, each held, not held or not checked, with its figure).
 */
public final class Figures {

    /** Where every run's reports go; a shard's figures, claims and findings go to its own directory in it. */
    public static final Path REPORTS = Path.of(System.getProperty("basedir", "."), "target/cucumber-reports");
    public static final String RECORD = "record.tsv";
    public static final String SHARD_DONE = "shard.properties";
    private static final Map<String, String> FIGURES = new TreeMap<>();
    private static final Map<SeedClaim, List<Finding>> VERDICTS = new EnumMap<>(SeedClaim.class);
    /** The figures that are not plain values: totals over the run, and items numbered through it (for a merge of shards). */
    private static final Map<String, RunRecord.Kind> KINDS = new TreeMap<>();

    /** One scenario's finding on a claim: its verdict, what it rests on, and the scenario that found it. */
    record Finding(Verdict verdict, String evidence, String scenario) {
        @Override
        public String toString() {
            return verdict + ": " + evidence;
        }
    }

    private Figures() {
    }

    /** A new run: the files of an earlier run are replaced by empty ones (every claim "not checked"). */
    public static synchronized void startRun() {
        FIGURES.clear();
        VERDICTS.clear();
        KINDS.clear();
        write();
    }

    /** The directory of this run's figures, claims and findings (a shard's own, in a sharded run). */
    public static Path directory() {
        return io.github.chatcluster.shards.Shard.ofThisRun().map(s -> REPORTS.resolve(s.directoryName())).orElse(REPORTS);
    }

    /** A figure's key made of words ("worker-3 died silently" becomes "worker-3-died-silently"). */
    public static String key(String words) {
        return words.replaceAll("[^A-Za-z0-9-]+", "-");
    }

    /** Seconds, with two decimals, in the one number format of every figure. */
    public static String seconds(java.time.Duration d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }

    /** Adds one to a counted figure (scenarios per cluster, say): a total over the run. */
    public static synchronized void count(String key) {
        FIGURES.merge(key, "1", (a, b) -> String.valueOf(Long.parseLong(a) + 1));
        KINDS.put(key, RunRecord.Kind.TOTAL);
        write();
    }

    /** A figure that is a total over the run (checks made, seconds waited): the merge of a sharded run adds the shards' up. */
    public static synchronized void total(String key, String value) {
        FIGURES.put(key, value);
        KINDS.put(key, RunRecord.Kind.TOTAL);
        write();
    }

    /** The next of a list of items numbered through the run ("not-run.03"); a merge numbers them again, shard after shard. */
    public static synchronized void numbered(String prefix, String value) {
        int n = 1;
        while (FIGURES.containsKey(numberedKey(prefix, n))) {
            n++;
        }
        FIGURES.put(numberedKey(prefix, n), value);
        KINDS.put(numberedKey(prefix, n), RunRecord.Kind.NUMBERED);
        write();
    }

    static String numberedKey(String prefix, int n) {
        return String.format(java.util.Locale.ROOT, "%s.%02d", prefix, n);
    }

    public static synchronized void record(String key, String value) {
        FIGURES.put(key, value);
        write();
    }

    /**
     * One scenario's finding on a claim; returns the line for that scenario's report. A claim holds when every
     * finding of the run says so; one finding against it is enough for "not held".
     */
    public static synchronized String claim(SeedClaim claim, boolean held, String evidence, String scenario) {
        return finding(claim, new Finding(Verdict.of(held), evidence, scenario));
    }

    /** A finding that decides nothing (the figures were not clear, or the scenario failed); it does not count. */
    public static synchronized String notDecided(SeedClaim claim, String why, String scenario) {
        return finding(claim, new Finding(Verdict.NOT_DECIDED, why, scenario));
    }

    private static String finding(SeedClaim claim, Finding finding) {
        List<Finding> findings = VERDICTS.computeIfAbsent(claim, c -> new ArrayList<>());
        findings.add(finding);
        FIGURES.put(claim.key(), verdict(findings));
        write();
        return "The original demo's claim \"" + claim.words() + "\" " + finding;
    }

    /** Not held when one finding is against it; held when some are for it and none against; else not decided. */
    static String verdict(List<Finding> findings) {
        long against = findings.stream().filter(f -> f.verdict() == Verdict.NOT_HELD).count();
        long held = findings.stream().filter(f -> f.verdict() == Verdict.HELD).count();
        long open = findings.size() - against - held;
        String undecided = open == 0 ? "" : ", " + open + " not decided";
        if (against > 0) {
            return "not held (" + against + " of " + count(findings.size()) + undecided + ")";
        }
        return held > 0 ? "held (" + count((int) held) + undecided + ")" : "not decided (" + count(findings.size()) + ")";
    }

    private static String count(int findings) {
        return findings == 1 ? "1 finding" : findings + " findings";
    }

    /** Every claim of the ledger with its verdict (or why it is not judged here) and its findings. */
    private static List<ClaimsPage.Entry> ledger() {
        List<ClaimsPage.Entry> entries = new ArrayList<>();
        for (SeedClaim claim : SeedClaim.values()) {
            String verdict = claim.notJudgedHere() != null ? "not judged here"
                    : FIGURES.getOrDefault(claim.key(), "not checked (the scenarios behind it did not run or did not pass)");
            List<ClaimsPage.Finding> findings = VERDICTS.getOrDefault(claim, List.of()).stream()
                    .map(f -> new ClaimsPage.Finding(f.verdict().toString(), f.evidence(), f.scenario())).toList();
            entries.add(new ClaimsPage.Entry(claim.words(), verdict, claim.notJudgedHere(), findings));
        }
        return entries;
    }

    /** The run ended: a shard says so (its {@code shard.properties}), which its merge requires. */
    public static synchronized void finishRun() {
        write();
        io.github.chatcluster.shards.Shard.ofThisRun().ifPresent(shard -> {
            String text = "# This shard of a run finished; its reports are beside this file\nshard = " + shard + "\norder = " + ScenarioOrder.order()
                    + "\nseed = " + (ScenarioOrder.seed() == null ? "" : ScenarioOrder.seed())
                    + "\ncommit = " + io.github.chatcluster.shards.SourceCommit.ofThisRun()
                    + "\nselected = " + io.github.chatcluster.shards.ShardSelection.selected() + "\n";
            try {
                Files.createDirectories(directory());
                Files.writeString(directory().resolve(SHARD_DONE), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Replaces this process's figures and findings with those of several shards of one run, and writes them into the directory. */
    public static synchronized void merged(RunRecord.Contents merged, String order, Path into) {
        FIGURES.clear();
        VERDICTS.clear();
        KINDS.clear();
        FIGURES.putAll(merged.figures());
        KINDS.putAll(merged.kinds());
        List<RunRecord.Finding> findings = merged.findings();
        for (RunRecord.Finding row : findings) {
            SeedClaim claim = SeedClaim.valueOf(row.claim());
            List<Finding> list = VERDICTS.computeIfAbsent(claim, c -> new ArrayList<>());
            list.add(new Finding(row.verdict(), row.evidence(), row.scenario()));
            FIGURES.put(claim.key(), verdict(list));
        }
        write(into, order);
    }

    private static void write() {
        write(directory(), ScenarioOrder.describe());
    }

    private static void write(Path dir, String order) {
        StringBuilder properties = new StringBuilder("# Figures measured by the last run of the acceptance suite\n");
        FIGURES.forEach((k, v) -> properties.append(k).append(" = ").append(v).append('\n'));
        StringBuilder summary = new StringBuilder(order).append("\n\n")
                .append("The original demo's claims, as the last run found them\n");
        for (SeedClaim claim : SeedClaim.values()) {
            summary.append("  \"").append(claim.words()).append("\": ")
                    .append(claim.notJudgedHere() != null ? "not judged here: " + claim.notJudgedHere()
                            : FIGURES.getOrDefault(claim.key(), "not checked (the scenarios behind it did not run or did not pass)"))
                    .append('\n');
            VERDICTS.getOrDefault(claim, List.of()).forEach(f -> summary.append("      ").append(f).append('\n'));
        }
        summary.append("\nFigures\n");
        FIGURES.forEach((k, v) -> {
            if (!k.startsWith("claim.")) {
                summary.append("  ").append(k).append(" = ").append(v).append('\n');
            }
        });
        List<RunRecord.Finding> rows = new ArrayList<>();
        VERDICTS.forEach((claim, list) -> list.forEach(f -> rows.add(new RunRecord.Finding(claim.name(), f.verdict(), f.scenario(), f.evidence()))));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("figures.properties"), properties);
            Files.writeString(dir.resolve("summary.txt"), summary);
            Files.writeString(dir.resolve("claims.html"), ClaimsPage.html(order, ledger(), FIGURES));
            Files.writeString(dir.resolve(RECORD), RunRecord.format(new RunRecord.Contents(FIGURES, KINDS, rows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
