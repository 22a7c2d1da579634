package io.github.chatcluster.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** One operation as the operator ran it: what, through which coordinator, when, and how it ended. */
public record OperationRun(String what, String through, Instant start, Instant end, Optional<OperationFailed> failure) {

    /** Runs the operation now and keeps how it ended; a refusal is kept, not thrown. */
    public static OperationRun of(String what, String through, Runnable operation) {
        Instant start = Instant.now();
        try {
            operation.run();
            return new OperationRun(what, through, start, Instant.now(), Optional.empty());
        } catch (OperationFailed e) {
            return new OperationRun(what, through, start, Instant.now(), Optional.of(e));
        }
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    public Duration took() {
        return Duration.between(start, end);
    }

    /** Citus's error, or "" when it succeeded. */
    public String error() {
        return failure.map(OperationFailed::error).orElse("");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s through %s: %s after %.2f s", what, through,
                succeeded() ? "succeeded" : "failed (SQLSTATE " + failure.get().sqlState() + ": "
                        + io.github.chatcluster.cluster.Text.firstLine(error()) + ")", took().toMillis() / 1000.0);
    }
}
