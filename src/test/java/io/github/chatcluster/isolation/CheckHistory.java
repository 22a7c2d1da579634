package io.github.chatcluster.isolation;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks a history file offline:
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=io.github.chatcluster.isolation.CheckHistory -Dexec.args=FILE}.
 * Prints the anomalies found, with one explained example of each class, and the strongest isolation level consistent
 * with them; exits 1 when an anomaly was found.
 */
public final class CheckHistory {

    private CheckHistory() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Give one history file (Jepsen's list-append format, one JSON object a line).");
            System.exit(2);
        }
        long start = System.nanoTime();
        List<Txn> history = JepsenHistory.read(Path.of(args[0]));
        ListAppendReport report = ListAppendChecker.check(history, JepsenHistory.finalReads(history));
        System.out.println(args[0] + ": " + report);
        System.out.printf(java.util.Locale.ROOT, "read and checked in %.2f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(report.counts().isEmpty() ? 0 : 1);
    }
}
