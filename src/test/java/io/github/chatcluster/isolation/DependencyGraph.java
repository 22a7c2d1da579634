package io.github.chatcluster.isolation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependencies between the transactions of a history: write-write (ww), write-read (wr) and read-write (rw, an
 * anti-dependency) edges, with their strongly connected components and the shortest cycles of each kind. Nodes are
 * transaction ids from 0 to n - 1; an edge may carry several kinds at once.
 */
final class DependencyGraph {

    static final int WW = 1;
    static final int WR = 2;
    static final int RW = 4;
    /**
     * The order in which the values of a grow-only set became visible: a read saw one without the other. Sets are
     * written by inserts that never overwrite each other, so this is no write-write dependency (it makes no G0 or
     * G1c); but a serial order must follow it, so cycles of anti-dependencies may pass through it.
     */
    static final int ORDER = 8;

    /** One edge of a cycle, with the kinds it carries and why (the key and the values). */
    record Edge(int from, int to, int kinds, String why) {
        String kindsInWords() {
            List<String> k = new ArrayList<>();
            if ((kinds & WW) != 0) {
                k.add("ww");
            }
            if ((kinds & WR) != 0) {
                k.add("wr");
            }
            if ((kinds & RW) != 0) {
                k.add("rw");
            }
            if ((kinds & ORDER) != 0) {
                k.add("order");
            }
            return String.join("+", k);
        }
    }

    private final int size;
    private final List<Map<Integer, Integer>> out;
    private final Map<Long, java.util.function.Supplier<String>> why = new HashMap<>();

    DependencyGraph(int size) {
        this.size = size;
        this.out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new HashMap<>(2));
        }
    }

    /** Adds an edge; its reason is put in words only when a cycle through it is explained. */
    void add(int from, int to, int kind, java.util.function.Supplier<String> reason) {
        if (from == to) {
            return;
        }
        out.get(from).merge(to, kind, (a, b) -> a | b);
        why.putIfAbsent(pair(from, to) * 8 + kind, reason);
    }

    int edges() {
        return out.stream().mapToInt(Map::size).sum();
    }

    /** The strongly connected components with more than one node (Tarjan's algorithm, iterative). */
    List<int[]> cyclicComponents() {
        int[] index = new int[size];
        int[] low = new int[size];
        boolean[] onStack = new boolean[size];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<int[]> components = new ArrayList<>();
        int next = 0;
        List<int[]> successors = new ArrayList<>(size);
        for (int v = 0; v < size; v++) {
            successors.add(out.get(v).keySet().stream().mapToInt(Integer::intValue).toArray());
        }
        int[] position = new int[size];
        for (int root = 0; root < size; root++) {
            if (index[root] >= 0) {
                continue;
            }
            Deque<Integer> call = new ArrayDeque<>();
            call.push(root);
            index[root] = low[root] = next++;
            stack.push(root);
            onStack[root] = true;
            while (!call.isEmpty()) {
                int v = call.peek();
                if (position[v] < successors.get(v).length) {
                    int w = successors.get(v)[position[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack.push(w);
                        onStack[w] = true;
                        call.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                call.pop();
                if (!call.isEmpty()) {
                    int parent = call.peek();
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    if (component.size() > 1) {
                        components.add(component.stream().mapToInt(Integer::intValue).sorted().toArray());
                    }
                }
            }
        }
        return components;
    }

    /**
     * The shortest path from {@code from} to {@code to} over edges that carry one of {@code kinds}, inside the
     * component (breadth first); empty when there is none.
     */
    List<Edge> shortestPath(int from, int to, int kinds, boolean[] inComponent) {
        Map<Integer, Integer> parent = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        parent.put(from, from);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v == to && v != from) {
                break;
            }
            for (Map.Entry<Integer, Integer> e : out.get(v).entrySet()) {
                int w = e.getKey();
                if ((e.getValue() & kinds) != 0 && inComponent[w] && !parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        if (!parent.containsKey(to)) {
            return List.of();
        }
        List<Edge> path = new ArrayList<>();
        for (int w = to; w != from; w = parent.get(w)) {
            int v = parent.get(w);
            path.add(edge(v, w, kinds));
        }
        Collections.reverse(path);
        return path;
    }

    /** The edges leaving {@code v} inside the component that carry {@code kind}. */
    List<Integer> successors(int v, int kind, boolean[] inComponent) {
        List<Integer> s = new ArrayList<>();
        out.get(v).forEach((w, k) -> {
            if ((k & kind) != 0 && inComponent[w]) {
                s.add(w);
            }
        });
        Collections.sort(s);
        return s;
    }

    /** The edge from v to w, restricted to the given kinds, with the reason of its first kind. */
    Edge edge(int v, int w, int kinds) {
        int carried = out.get(v).getOrDefault(w, 0) & kinds;
        String reason = null;
        for (int kind : new int[] {WW, WR, RW, ORDER}) {
            if ((carried & kind) != 0 && reason == null) {
                java.util.function.Supplier<String> r = why.get(pair(v, w) * 8 + kind);
                reason = r == null ? null : r.get();
            }
        }
        return new Edge(v, w, carried, reason);
    }

    boolean[] membership(int[] component) {
        boolean[] in = new boolean[size];
        for (int v : component) {
            in[v] = true;
        }
        return in;
    }

    private long pair(int from, int to) {
        return (long) from * size + to;
    }
}
