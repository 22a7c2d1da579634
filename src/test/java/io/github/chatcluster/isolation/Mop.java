package io.github.chatcluster.isolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One micro-operation of a list-append transaction (Jepsen's {@code [:append k v]} and {@code [:r k [...]]}), or a read
 * of a key as a grow-only set ({@link ReadSet}: which appended values it holds, in no order).
 */
public sealed interface Mop permits Mop.Append, Mop.Read, Mop.ReadSet {

    long key();

    /** Appends a value, unique to its key, to the key's list. */
    record Append(long key, long value) implements Mop {
        @Override
        public String toString() {
            return "append " + key + " " + value;
        }
    }

    /** Reads the key's whole list; {@code values} is null when the read's result is unknown (an invocation, or an unknown outcome). */
    record Read(long key, List<Long> values) implements Mop {
        @Override
        public String toString() {
            return "r " + key + " " + values;
        }
    }

    /**
     * Reads which values the key holds, as a set: the appends it saw, and nothing about their order (a read of rows
     * with no order of their own). {@code values} is null when the read's result is unknown; it is kept as an
     * unordered immutable copy (shown in ascending order).
     */
    record ReadSet(long key, Set<Long> values) implements Mop {
        public ReadSet {
            values = values == null ? null : Set.copyOf(values);
        }

        @Override
        public String toString() {
            return "r-set " + key + " " + (values == null ? "null" : inRanges(values));
        }
    }

    /** Values in ascending runs, {@code {1..40, 42, 44..45}}: a set of thousands of values stays readable. */
    static String inRanges(Collection<Long> values) {
        List<String> runs = new ArrayList<>();
        Long start = null;
        Long last = null;
        for (long v : new TreeSet<>(values)) {
            if (last != null && v == last + 1) {
                last = v;
                continue;
            }
            if (start != null) {
                runs.add(start.equals(last) ? String.valueOf(start) : start + ".." + last);
            }
            start = v;
            last = v;
        }
        if (start != null) {
            runs.add(start.equals(last) ? String.valueOf(start) : start + ".." + last);
        }
        return "{" + String.join(", ", runs) + "}";
    }
}
