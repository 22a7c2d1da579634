package io.github.chatcluster.consistency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation of a consistency scenario, in the order each ended: which client, through which entry point, what it
 * did, when it began and ended, how it ended, and what it read. Written as one JSON object per line, so that a finding
 * can be examined and checked again offline. Thread-safe.
 */
public final class History {

    /** One operation. {@code seenA}/{@code seenB}: the announcements a read saw in each room (empty for writes). */
    public record Operation(String client, String through, String kind, long announcement, Instant began, Instant ended,
                            String outcome, Set<Long> seenA, Set<Long> seenB) {
        public boolean ok() {
            return "ok".equals(outcome);
        }

        String json() {
            return "{\"client\":" + quote(client) + ",\"through\":" + quote(through) + ",\"kind\":" + quote(kind)
                    + ",\"announcement\":" + announcement + ",\"began\":" + quote(began.toString()) + ",\"ended\":"
                    + quote(ended.toString()) + ",\"outcome\":" + quote(outcome) + ",\"roomA\":" + seenA + ",\"roomB\":" + seenB + "}";
        }

        private static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return q.append('"').toString();
        }
    }

    private final List<Operation> operations = new ArrayList<>();

    public synchronized void add(Operation operation) {
        operations.add(operation);
    }

    public void write(String client, String through, long announcement, Instant began, String outcome) {
        add(new Operation(client, through, "write", announcement, began, Instant.now(), outcome, Set.of(), Set.of()));
    }

    public void read(String client, String through, String kind, Instant began, String outcome, Set<Long> a, Set<Long> b) {
        add(new Operation(client, through, kind, -1, began, Instant.now(), outcome, new TreeSet<>(a), new TreeSet<>(b)));
    }

    public synchronized List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** Writes the history as JSON lines. */
    public synchronized Path saveTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = operations.stream().map(Operation::json).toList();
            return Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the history " + file, e);
        }
    }
}
