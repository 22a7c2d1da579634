package io.github.chatcluster.isolation;

import java.util.List;
import java.util.Map;

import io.github.chatcluster.isolation.VersionOrders.Order;
import io.github.chatcluster.isolation.VersionOrders.Reading;

/**
 * The dependencies between transactions that one key's version order gives, as Elle infers them: write-write,
 * write-read and read-write ({@link DependencyGraph}). Used by {@link ListAppendChecker}.
 */
final class KeyDependencies {

    private KeyDependencies() {
    }

    /**
     * Edges from the key's layers: write-write from each layer's writers to the next layer's (for a set: the order they
     * became visible in, {@link DependencyGraph#ORDER}); write-read from the writers
     * of the last layer a read saw to the reader; read-write from the reader to the writers of the first layer it did
     * not see. A list's layers hold one value each. {@code appended}: value -> the transaction that appended it;
     * {@code indexOf}: a transaction's id -> its node in the graph.
     */
    static void add(DependencyGraph graph, long key, Order order, List<Reading> readings, Map<Long, Txn> appended,
            Map<Integer, Integer> indexOf) {
        List<List<Long>> layers = order.layers();
        for (int i = 0; i + 1 < layers.size(); i++) {
            boolean unseen = i + 1 >= order.seen();
            for (long before : layers.get(i)) {
                for (long after : layers.get(i + 1)) {
                    Txn from = appended.get(before);
                    Txn to = appended.get(after);
                    if (from != null && to != null) {
                        int kind = readings.get(0).isSet() ? DependencyGraph.ORDER : DependencyGraph.WW;
                        graph.add(indexOf.get(from.id()), indexOf.get(to.id()), kind, () -> "key " + key + ": "
                                + before + " was appended before " + after + (readings.get(0).isSet()
                                ? (unseen ? " (the last read saw " + before + ", and " + after + " was acknowledged and read by none)"
                                : " (a read saw " + before + " without " + after + ")") : ""));
                    }
                }
            }
        }
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            int reader = indexOf.get(r.txn().id());
            int n = order.depth()[i];
            if (n > 0) {
                for (long last : layers.get(n - 1)) {
                    Txn w = appended.get(last);
                    if (w != null) {
                        graph.add(indexOf.get(w.id()), reader, DependencyGraph.WR, () -> "key " + key + ": the read saw " + last
                                + (r.isSet() ? "" : " last"));
                    }
                }
            }
            if (n < layers.size()) {
                for (long missed : layers.get(n)) {
                    Txn w = appended.get(missed);
                    if (w != null) {
                        graph.add(reader, indexOf.get(w.id()), DependencyGraph.RW, () -> "key " + key + ": the read " + r.shown()
                                + " did not see " + missed);
                    }
                }
            }
        }
    }

}
