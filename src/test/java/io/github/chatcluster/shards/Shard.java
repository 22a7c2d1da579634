package io.github.chatcluster.shards;

import java.util.Optional;

/**
 * One part of a run split over several machines: the i-th of n parts of the selected scenarios
 * ({@code -Dsuite.shard=i/n}, or the environment variable {@code SUITE_SHARD}).
 */
public record Shard(int index, int count) {

    public static final String PROPERTY = "suite.shard";
    public static final String ENVIRONMENT = "SUITE_SHARD";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** "2/3" as the second of three parts; a clear message for anything else. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // the message below
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + text + ": " + e.getMessage() + " (for example -D" + PROPERTY + "=2/3)", e);
        }
        throw new IllegalArgumentException(PROPERTY + "=" + text + " is not i/n: give the part and the number of parts, for example -D"
                + PROPERTY + "=2/3 (the second of three)");
    }

    /** The shard this run is, from -Dsuite.shard or SUITE_SHARD; empty when the run is whole. */
    public static Optional<Shard> ofThisRun() {
        String text = System.getProperty(PROPERTY);
        if (text == null || text.isBlank()) {
            text = System.getenv(ENVIRONMENT);
        }
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(text));
    }

    /** The name of its reports' directory: "shard-2-of-3". */
    public String directoryName() {
        return "shard-" + index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
