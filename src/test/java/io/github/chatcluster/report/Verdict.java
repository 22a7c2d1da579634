package io.github.chatcluster.report;

/** What a scenario found of one of the demo's claims. */
public enum Verdict {
    HELD("HELD"),
    NOT_HELD("NOT HELD"),
    NOT_DECIDED("NOT DECIDED");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    public static Verdict of(boolean held) {
        return held ? HELD : NOT_HELD;
    }

    @Override
    public String toString() {
        return words;
    }
}
