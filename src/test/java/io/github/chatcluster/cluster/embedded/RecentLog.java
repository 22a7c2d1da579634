package io.github.chatcluster.cluster.embedded;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import org.testcontainers.containers.output.OutputFrame;

/** The last lines a container printed, kept even after the container is gone (for a start-up failure). */
final class RecentLog implements Consumer<OutputFrame> {

    private static final int LINES = 15;
    private final Deque<String> lines = new ArrayDeque<>();

    @Override
    public synchronized void accept(OutputFrame frame) {
        String text = frame.getUtf8StringWithoutLineEnding();
        if (text == null || text.isBlank()) {
            return;
        }
        lines.addLast(text);
        while (lines.size() > LINES) {
            lines.removeFirst();
        }
    }

    synchronized String text() {
        return String.join("\n", lines).indent(4);
    }
}
