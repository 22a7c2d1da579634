package io.github.chatcluster.isolation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.chatcluster.isolation.Anomaly.Kind;

/**
 * What {@link ListAppendChecker} found in a history.
 *
 * @param cyclic the ids of the transactions that lie on a cycle of dependencies (in a strongly connected component
 *               of more than one transaction), whatever its class
 */
public record ListAppendReport(List<Anomaly> examples, Map<Kind, Integer> counts, Level level, int ok, int failed, int unknown,
                               int edges, Set<Integer> cyclic) {

    public Set<Kind> kinds() {
        return counts.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(counts.keySet());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%d transactions (%d ok, %d failed, %d unknown), %d dependencies; strongest level consistent: %s",
                ok + failed + unknown, ok, failed, unknown, edges, level));
        if (counts.isEmpty()) {
            s.append("; no anomaly");
        }
        counts.forEach((kind, n) -> s.append(String.format(java.util.Locale.ROOT, "%n  %s (%s): %d", kind, kind.means(), n)));
        examples.forEach(a -> s.append("\n    ").append(a));
        return s.toString();
    }
}
