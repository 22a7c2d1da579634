package io.github.chatcluster.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Read Scaling: All workers can serve read requests", judged from reads of every shard, counted on the workers, in two
 * findings: with the cluster's routing as configured, held when every worker served some of the reads through each
 * coordinator (does the cluster share its reads out?); with one worker down, held when every read was answered and the
 * running workers' counters add up to all of them (can the other copies serve what it served?).
 */
public final class ReadScalingVerdict {

    public record Judgement(Verdict verdict, String why) {
    }

    private ReadScalingVerdict() {
    }

    /** @param servedByWorker per entry point (coordinator), the reads each worker served */
    public static Judgement asConfigured(Map<String, Map<String, Long>> servedByWorker, List<String> workers) {
        List<String> idle = new ArrayList<>();
        servedByWorker.forEach((entry, byWorker) -> workers.forEach(w -> {
            if (byWorker.getOrDefault(w, 0L) == 0) {
                idle.add(w + " served none of the reads through " + entry);
            }
        }));
        if (servedByWorker.isEmpty()) {
            return new Judgement(Verdict.NOT_DECIDED, "no reads were counted");
        }
        return new Judgement(Verdict.of(idle.isEmpty()), idle.isEmpty() ? "every worker served reads through each coordinator: " + servedByWorker
                : String.join(", ", idle) + ": " + servedByWorker);
    }

    /** @param reads per entry point, the reads made; {@code counted} the scans the running workers counted for them */
    public static Judgement withAWorkerDown(String down, Map<String, Integer> reads, Map<String, Long> counted) {
        List<String> short_ = new ArrayList<>();
        reads.forEach((entry, n) -> {
            long c = counted.getOrDefault(entry, 0L);
            if (c < n) {
                short_.add(String.format(Locale.ROOT, "through %s the running workers served %d of %d reads", entry, c, n));
            }
        });
        if (reads.isEmpty()) {
            return new Judgement(Verdict.NOT_DECIDED, "no reads were made with " + down + " down");
        }
        return new Judgement(Verdict.of(short_.isEmpty()), short_.isEmpty()
                ? "with " + down + " down, the other workers served every read of every shard through each coordinator: " + reads
                : "with " + down + " down, " + String.join("; ", short_));
    }
}
