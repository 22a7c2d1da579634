package io.github.chatcluster.report;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Storage Overhead: 2x replication factor per shard", as the application meets it: held when, for every chat table, the
 * rows stored on the workers (each copy of each shard counted) are exactly twice the rows the application sees; not held
 * when any table's are not (one copy, three copies, or copies that differ in size). No rows at all decide nothing.
 */
public final class StorageVerdict {

    /** One table's rows: as the application sees them (through a coordinator), and as the workers store them. */
    public record Rows(long seen, long stored) {
    }

    public record Judgement(Verdict verdict, String why) {
    }

    private StorageVerdict() {
    }

    public static Judgement judge(Map<String, Rows> byTable) {
        if (byTable.values().stream().allMatch(r -> r.seen() == 0 && r.stored() == 0)) {
            return new Judgement(Verdict.NOT_DECIDED, "no rows to count");
        }
        boolean twice = byTable.values().stream().allMatch(r -> r.stored() == 2 * r.seen());
        String rows = byTable.entrySet().stream()
                .map(e -> e.getValue().stored() + " rows of " + e.getKey() + " (" + e.getValue().seen() + " seen)")
                .collect(Collectors.joining(", "));
        return new Judgement(Verdict.of(twice), "the workers store " + rows + (twice ? "" : ": not twice what the application sees"));
    }
}
