package io.github.chatcluster.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run (or a shard of one) found, in a form another process reads back exactly: every figure, and every
 * finding on a claim with its scenario. One line each, fields separated by tabs, tabs, newlines and backslashes
 * escaped. The merge of a sharded run reads one per shard ({@code record.tsv}).
 */
public final class RunRecord {

    /** One scenario's finding on a claim ({@link SeedClaim}'s name). */
    public record Finding(String claim, Verdict verdict, String scenario, String evidence) {
    }

    /** What a figure is, for a merge: a value, a total over the run (added up), or an item numbered through the run. */
    public enum Kind { VALUE, TOTAL, NUMBERED }

    /** The figures, the kinds of those that are not plain values, and the findings of one record. */
    public record Contents(Map<String, String> figures, Map<String, Kind> kinds, List<Finding> findings) {
        public Kind kindOf(String key) {
            return kinds.getOrDefault(key, Kind.VALUE);
        }
    }

    private RunRecord() {
    }

    public static String format(Contents contents) {
        StringBuilder s = new StringBuilder();
        contents.figures().forEach((k, v) -> s.append("figure\t").append(contents.kindOf(k).name()).append('\t').append(escape(k))
                .append('\t').append(escape(v)).append('\n'));
        contents.findings().forEach(f -> s.append("finding\t").append(f.claim()).append('\t').append(f.verdict().name()).append('\t')
                .append(escape(f.scenario())).append('\t').append(escape(f.evidence())).append('\n'));
        return s.toString();
    }

    public static Contents parse(String text) {
        Map<String, String> figures = new TreeMap<>();
        Map<String, Kind> kinds = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("figure") && f.length == 4) {
                String key = unescape(f[2]);
                figures.put(key, unescape(f[3]));
                if (Kind.valueOf(f[1]) != Kind.VALUE) {
                    kinds.put(key, Kind.valueOf(f[1]));
                }
            } else if (f[0].equals("finding") && f.length == 5) {
                findings.add(new Finding(f[1], Verdict.valueOf(f[2]), unescape(f[3]), unescape(f[4])));
            } else {
                throw new IllegalArgumentException("not a line of a run's record: " + line);
            }
        }
        return new Contents(figures, kinds, findings);
    }

    private static String escape(String s) {
        return String.valueOf(s).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
