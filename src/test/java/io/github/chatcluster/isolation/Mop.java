package io.github.chatcluster.isolation;

import java.util.List;

/** One micro-operation of a list-append transaction (Jepsen's {@code [:append k v]} and {@code [:r k [...]]}). */
public sealed interface Mop permits Mop.Append, Mop.Read {

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
}
