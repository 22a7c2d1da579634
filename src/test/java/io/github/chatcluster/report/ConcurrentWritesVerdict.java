package io.github.chatcluster.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Concurrent Writes: Multiple applications write simultaneously", judged on the bursts in which every session of
 * both applications wrote at once with warm sessions and no fault: held when every write of those bursts was
 * acknowledged, not held when any was refused or failed. A burst of cold sessions (each opening its coordinator's
 * connections to the other nodes during the burst) and a burst during a fault are reported, not judged: what they see
 * depends on how fast the machine opens connections, and on the fault.
 */
public final class ConcurrentWritesVerdict {

    /** One application's burst: its label, whether it is judged, the sessions, the writes acknowledged, the failures. */
    public record Burst(String label, boolean judged, int sessions, int acknowledged, Map<String, Integer> failures) {
    }

    public record Judgement(Verdict verdict, String why) {
    }

    private ConcurrentWritesVerdict() {
    }

    public static Judgement judge(List<Burst> bursts) {
        List<Burst> judged = bursts.stream().filter(Burst::judged).toList();
        if (judged.isEmpty()) {
            return new Judgement(Verdict.NOT_DECIDED, "no burst of warm sessions with no fault was sent");
        }
        int sessions = judged.stream().mapToInt(Burst::sessions).sum();
        int acknowledged = judged.stream().mapToInt(Burst::acknowledged).sum();
        String failed = String.join("; ", judged.stream().filter(b -> b.acknowledged() < b.sessions())
                .map(b -> b.label() + ": " + b.failures()).toList());
        String others = String.join("; ", bursts.stream().filter(b -> !b.judged())
                .map(b -> String.format(Locale.ROOT, "%s: %d of %d acknowledged%s", b.label(), b.acknowledged(), b.sessions(),
                        b.failures().isEmpty() ? "" : " " + b.failures())).toList());
        String why = String.format(Locale.ROOT, "%d of %d writes acknowledged in %d burst(s) of warm sessions with no fault%s; not judged: %s",
                acknowledged, sessions, judged.size(), failed.isEmpty() ? "" : " (" + failed + ")", others.isEmpty() ? "none" : others);
        return new Judgement(Verdict.of(acknowledged == sessions), why);
    }
}
