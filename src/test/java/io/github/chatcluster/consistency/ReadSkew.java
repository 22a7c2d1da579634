package io.github.chatcluster.consistency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.github.chatcluster.isolation.Anomaly;
import io.github.chatcluster.isolation.ListAppendChecker;
import io.github.chatcluster.isolation.ListAppendReport;
import io.github.chatcluster.isolation.Mop;
import io.github.chatcluster.isolation.Txn;

/**
 * What the isolation checker finds in a consistency history: every write, with the reads of one reader (or of several).
 * A read of both rooms that saw an announcement in one room and not in the other depends on its write (it saw one half)
 * and anti-depends on it (it missed the other): a cycle with one anti-dependency, G-single, read skew. Nothing here
 * decides what a read is; the checker does.
 */
public final class ReadSkew {

    /**
     * What the checker found for some readers' reads.
     *
     * @param reads    their reads of both rooms, failed ones too
     * @param failed   of those, the failed ones (left out of the check)
     * @param onCycles of the ok ones, those the checker found on a cycle of dependencies
     */
    public record Finding(String readers, int reads, int failed, int onCycles, ListAppendReport report) {

        /** Whether the checker found read skew (G-single). */
        public boolean readSkew() {
            return report.kinds().contains(Anomaly.Kind.G_SINGLE);
        }

        /** One explained anomaly: a G-single when there is one, else the first found. */
        public Optional<Anomaly> example() {
            return report.examples().stream().filter(a -> a.kind() == Anomaly.Kind.G_SINGLE).findFirst()
                    .or(() -> report.examples().stream().findFirst());
        }

        /** The classes found with their counts (cycles count once per strongly connected component), or "no anomaly". */
        public String classes() {
            List<String> found = new ArrayList<>();
            report.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> found.add(e.getKey() + " " + e.getValue()));
            return found.isEmpty() ? "no anomaly" : String.join(", ", found);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: %d reads (%d failed), %d of them on a cycle; found: %s;"
                    + " strongest level consistent: %s", readers, reads, failed, onCycles, classes(), report.level());
        }
    }

    private ReadSkew() {
    }

    /** For each reader (in the order each first appears), what the checker finds in every write and its reads. */
    public static List<Finding> byReader(List<History.Operation> history, long keyA, long keyB) {
        Set<String> readers = new LinkedHashSet<>();
        history.stream().filter(AnnouncementTxns::isRead).forEach(op -> readers.add(op.client()));
        List<Finding> findings = new ArrayList<>();
        for (String reader : readers) {
            findings.add(of(history, keyA, keyB, reader, reader::equals));
        }
        return findings;
    }

    /** What the checker finds in every write and the reads of the readers {@code readers} accepts, named {@code name}. */
    public static Finding of(List<History.Operation> history, long keyA, long keyB, String name, Predicate<String> readers) {
        List<Txn> txns = AnnouncementTxns.of(history, keyA, keyB, readers);
        ListAppendReport report = ListAppendChecker.check(txns);
        int reads = (int) history.stream().filter(op -> AnnouncementTxns.isRead(op) && readers.test(op.client())).count();
        int ok = (int) history.stream().filter(op -> AnnouncementTxns.isRead(op) && readers.test(op.client()) && op.ok()).count();
        int onCycles = (int) txns.stream().filter(t -> t.mops().get(0) instanceof Mop.ReadSet && report.cyclic().contains(t.id())).count();
        return new Finding(name, reads, reads - ok, onCycles, report);
    }
}
