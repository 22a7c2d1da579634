package io.github.chatcluster.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One schema change an operator ran: the statement, the entry point it went through, when it began and returned, and
 * how it ended (its SQLSTATE and the first line of Citus's error when it was refused).
 */
public record SchemaChange(String statement, String through, Instant began, Instant ended, String sqlState, String error) {

    public boolean succeeded() {
        return sqlState == null;
    }

    public Duration took() {
        return Duration.between(began, ended);
    }

    /** "ALTER TABLE ... through coordinator-1: succeeded in 0.52 s" or "... refused in 2.01 s (55P03: ...)". */
    public String summary() {
        return String.format(Locale.ROOT, "%s through %s: %s in %.2f s%s", statement, through,
                succeeded() ? "succeeded" : "refused", took().toMillis() / 1000.0,
                succeeded() ? "" : " (" + sqlState + ": " + error + ")");
    }
}
