package io.github.chatcluster.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list-append history in Jepsen's format, one JSON object a line: {@code {"index":0,"type":"invoke","process":3,
 * "f":"txn","value":[["append",1,2],["r",1,null]],"time":123}}, then its completion with {@code "type"} ok, fail or
 * info and the values read. Jepsen's tools read the same fields (from EDN); this file is what a finding can be checked
 * again with, offline.
 */
public final class JepsenHistory {

    private JepsenHistory() {
    }

    /** The history's lines: an invocation and a completion for each transaction, in the order of their times. */
    public static List<String> lines(List<Txn> txns) {
        record Event(long time, boolean invoke, Txn txn) {
        }
        List<Event> events = new ArrayList<>();
        for (Txn t : txns) {
            events.add(new Event(t.invokedNanos(), true, t));
            events.add(new Event(t.completedNanos(), false, t));
        }
        // at equal times a completion goes first: a process's next invocation never precedes its last completion
        events.sort((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time()) : Boolean.compare(a.invoke(), b.invoke()));
        List<String> lines = new ArrayList<>();
        for (Event e : events) {
            String type = e.invoke() ? "invoke" : e.txn().outcome().name().toLowerCase(java.util.Locale.ROOT);
            lines.add("{\"index\":" + lines.size() + ",\"type\":\"" + type + "\",\"process\":" + quote(e.txn().process())
                    + ",\"f\":\"txn\",\"value\":" + value(e.txn(), e.invoke() || e.txn().outcome() != Txn.Outcome.OK)
                    + ",\"time\":" + e.time() + (e.invoke() || e.txn().error() == null ? "" : ",\"error\":" + quote(e.txn().error())) + "}");
        }
        return lines;
    }

    /** The process name of the reads made after every writer stopped: "final ..." (the workload's final reads). */
    public static final String FINAL_PROCESS = "final";

    /** The ids of the final reads of a history: their process names start with {@link #FINAL_PROCESS}. */
    public static java.util.Set<Integer> finalReads(List<Txn> txns) {
        return txns.stream().filter(t -> t.process().startsWith(FINAL_PROCESS)).map(Txn::id)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public static void write(Path file, List<Txn> txns) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines(txns));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a history back: each completion is paired with its process's open invocation; the transaction takes the
     * completion's micro-operations (an ok one's reads have their values) and both times.
     */
    public static List<Txn> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> invoked = new HashMap<>();
        List<Txn> txns = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> op = Json.object(line);
            String process = String.valueOf(op.get("process"));
            long time = ((Number) op.get("time")).longValue();
            String type = (String) op.get("type");
            if ("invoke".equals(type)) {
                invoked.put(process, time);
                continue;
            }
            Long start = invoked.remove(process);
            if (start == null) {
                throw new IllegalArgumentException("a completion with no invocation of process " + process + ": " + line);
            }
            txns.add(new Txn(txns.size(), process, Txn.Outcome.valueOf(type.toUpperCase(java.util.Locale.ROOT)),
                    mops((List<?>) op.get("value")), start, time, op.get("error") == null ? null : String.valueOf(op.get("error"))));
        }
        return txns;
    }

    private static List<Mop> mops(List<?> value) {
        List<Mop> mops = new ArrayList<>();
        for (Object o : value) {
            List<?> m = (List<?>) o;
            long key = ((Number) m.get(1)).longValue();
            if ("append".equals(m.get(0))) {
                mops.add(new Mop.Append(key, ((Number) m.get(2)).longValue()));
            } else {
                List<Long> values = m.get(2) == null ? null : ((List<?>) m.get(2)).stream().map(v -> ((Number) v).longValue()).toList();
                mops.add(new Mop.Read(key, values));
            }
        }
        return mops;
    }

    private static String value(Txn t, boolean withoutReads) {
        List<String> mops = new ArrayList<>();
        for (Mop m : t.mops()) {
            if (m instanceof Mop.Append a) {
                mops.add("[\"append\"," + a.key() + "," + a.value() + "]");
            } else if (m instanceof Mop.Read r) {
                mops.add("[\"r\"," + r.key() + "," + (withoutReads || r.values() == null ? "null" : r.values().toString().replace(" ", "")) + "]");
            } else if (m instanceof Mop.ReadSet r) {
                throw new IllegalArgumentException(t + " reads key " + r.key() + " as a set: Jepsen's list-append format has"
                        + " only list reads, and a set read written as a list would claim an order it does not know");
            }
        }
        return "[" + String.join(",", mops) + "]";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
