package io.github.chatcluster.isolation;

import java.util.List;
import java.util.Random;

/**
 * How long the checker takes on a serial list-append history of about 100,000 micro-operations (40,000 transactions of
 * 1 to 4 on 200 keys): {@code mvn -q test-compile exec:java -Dexec.mainClass=io.github.chatcluster.isolation.CheckerBenchmark}.
 * A benchmark to report, not a timed test: the best of three runs after one to warm up.
 */
public final class CheckerBenchmark {

    private CheckerBenchmark() {
    }

    public static void main(String[] args) {
        List<Txn> history = ListAppendCheckerTest.serialHistory(new Random(7), 40_000, 200);
        int mops = history.stream().mapToInt(t -> t.mops().size()).sum();
        ListAppendChecker.check(history);
        double best = Double.MAX_VALUE;
        ListAppendReport report = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            report = ListAppendChecker.check(history);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(java.util.Locale.ROOT, "%d transactions, %d micro-operations: checked in %.2f s (best of 3)%n%s%n",
                history.size(), mops, best, report);
    }
}
