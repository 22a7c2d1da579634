package io.github.chatcluster.cluster;

/** Short forms of error messages for reports and one-line problems. */
public final class Text {

    private Text() {
    }

    /** The first line of a message, stripped; "(no message)" when there is none. */
    public static String firstLine(String message) {
        return message == null ? "(no message)" : message.lines().findFirst().orElse("").strip();
    }
}
