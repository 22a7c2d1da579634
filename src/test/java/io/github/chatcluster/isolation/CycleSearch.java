package io.github.chatcluster.isolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.chatcluster.isolation.Anomaly.Kind;

/**
 * The cycles of a dependency graph that define Adya's anomalies, the shortest of each class in each strongly connected
 * component, explained in words: G0 (write-write only), G1c (write-write and write-read, at least one write-read),
 * G-single (exactly one anti-dependency) and G2-item (two or more). The order in which a grow-only set's values became
 * visible ({@link DependencyGraph#ORDER}) may close a cycle of anti-dependencies, never a G0 or G1c.
 */
final class CycleSearch {

    /** Where a found cycle goes: its class, its transactions, its explanation. */
    interface Found {
        void found(Kind kind, Collection<Integer> txns, String explanation);
    }

    /** Cycle searches (one breadth-first search each) per class and component before the search gives up. */
    static final int SEARCHES = 2_000;

    private final DependencyGraph graph;
    private final List<Txn> history;
    private final Found found;

    private CycleSearch(DependencyGraph graph, List<Txn> history, Found found) {
        this.graph = graph;
        this.history = history;
        this.found = found;
    }

    /** Looks for cycles of each class; returns the ids of the transactions in a cyclic component. */
    static Set<Integer> of(DependencyGraph graph, List<Txn> history, Found found) {
        return new CycleSearch(graph, history, found).run();
    }

    private Set<Integer> run() {
        int writes = DependencyGraph.WW | DependencyGraph.WR;
        int all = writes | DependencyGraph.RW | DependencyGraph.ORDER;
        Set<Integer> cyclic = new TreeSet<>();
        for (int[] component : graph.cyclicComponents()) {
            for (int v : component) {
                cyclic.add(history.get(v).id());
            }
            boolean[] in = graph.membership(component);
            search(component, in, Kind.G0, DependencyGraph.WW, DependencyGraph.WW, 0);
            search(component, in, Kind.G1C, DependencyGraph.WR, writes, 0);
            search(component, in, Kind.G_SINGLE, DependencyGraph.RW, writes | DependencyGraph.ORDER, 0);
            search(component, in, Kind.G2_ITEM, DependencyGraph.RW, all, DependencyGraph.RW);
        }
        return Set.copyOf(cyclic);
    }

    /**
     * Cycles of one class in a component: an edge of kind {@code first}, then the shortest way back over
     * {@code back}; for G2-item, the way back must hold another anti-dependency ({@code backMustHold}). One cycle
     * counts per component and class.
     */
    private void search(int[] component, boolean[] in, Kind kind, int first, int back, int backMustHold) {
        int searches = 0;
        for (int v : component) {
            for (int w : graph.successors(v, first, in)) {
                if (searches++ >= SEARCHES) {
                    return;
                }
                List<DependencyGraph.Edge> path = graph.shortestPath(w, v, back, in);
                if (path.isEmpty()) {
                    continue;
                }
                if (backMustHold != 0 && path.stream().noneMatch(e -> (e.kinds() & backMustHold) != 0)) {
                    continue;
                }
                List<DependencyGraph.Edge> cycle = new ArrayList<>();
                cycle.add(graph.edge(v, w, first));
                cycle.addAll(path);
                found.found(kind, cycle.stream().map(e -> history.get(e.from()).id()).toList(), explain(cycle));
                return;
            }
        }
    }

    private String explain(List<DependencyGraph.Edge> cycle) {
        StringBuilder s = new StringBuilder();
        for (DependencyGraph.Edge e : cycle) {
            s.append(history.get(e.from())).append(" -").append(e.kindsInWords()).append(" (").append(e.why()).append(")-> ");
        }
        s.append("T").append(history.get(cycle.get(0).from()).id()).append(": each must precede the next, and the last the first;"
                + " no serial order has them all");
        return s.toString();
    }
}
