package io.github.chatcluster.app;

import io.github.chatcluster.cluster.Text;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.github.chatcluster.cluster.Endpoint;


/**
 * A number of new clients connecting through one entry point at the same time, each with its own login
 * timeout (as an application's pool would set it): where each one landed, or how it failed and after how long.
 */
public final class NewClients {

    /**
     * One client's outcome: the coordinator that finally answered (null if none did), the error it got at last,
     * the errors of the attempts that failed before, and how long it took in all.
     */
    public record Outcome(String landedOn, String error, List<String> failedAttempts, Duration took) {
        Outcome(String landedOn, String error, Duration took) {
            this(landedOn, error, error == null ? List.of() : List.of(error), took);
        }

        /** The client got no coordinator at all. */
        public boolean timedOut() {
            return landedOn == null;
        }

        /** The client got no coordinator because nothing answered within its timeout (not a refusal, not a wrong password). */
        public boolean noAnswer() {
            return landedOn == null && error != null && error.startsWith(NO_ANSWER);
        }

        @Override
        public String toString() {
            return (landedOn != null ? landedOn : noAnswer() ? error : "refused (" + error + ")")
                    + (failedAttempts.isEmpty() || landedOn == null ? "" : " after " + failedAttempts.size() + " failed attempt(s) " + failedAttempts)
                    + String.format(java.util.Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0);
        }
    }

    private final List<Outcome> outcomes;

    private NewClients(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public int count() {
        return outcomes.size();
    }

    /** How many clients got no answer within their login timeout (refusals and other errors are not counted). */
    public long unanswered() {
        return outcomes.stream().filter(Outcome::noAnswer).count();
    }

    /** How many clients got no coordinator for another reason than silence: refused, reset, wrong password. */
    public long refused() {
        return outcomes.stream().filter(o -> o.timedOut() && !o.noAnswer()).count();
    }

    static final String NO_ANSWER = "no answer: ";

    /**
     * The error of a failed connection attempt in words, beginning with {@value #NO_ANSWER} when it timed out
     * (pgjdbc: "Connection attempt timed out." or a socket timeout below it) and with its SQLSTATE otherwise.
     */
    static String describe(SQLException e) {
        String first = Text.firstLine(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || (t.getMessage() != null && t.getMessage().contains("timed out"))) {
                return NO_ANSWER + e.getSQLState() + " " + first;
            }
        }
        return e.getSQLState() + " " + first;
    }

    /** How long the slowest client took, from its first attempt until it had a connection or gave up. */
    public java.time.Duration slowest() {
        return outcomes.stream().map(Outcome::took).max(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    /** The failed connection attempts of all the clients together. */
    public long failedAttempts() {
        return outcomes.stream().mapToLong(o -> o.failedAttempts().size()).sum();
    }

    /** The coordinators the answered clients landed on, one entry per client. */
    public List<String> landedOn() {
        return outcomes.stream().filter(o -> !o.timedOut()).map(Outcome::landedOn).toList();
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < outcomes.size(); i++) {
            text.append("\n  client ").append(i + 1).append(": ").append(outcomes.get(i));
        }
        return text.toString();
    }

    /**
     * Clients that connect one after another, as an application's new sessions do; each one tries up to
     * {@code attempts} times (a failed attempt is counted, with its error) and ends on the coordinator that answered.
     */
    public static NewClients oneAfterAnother(Endpoint entry, int count, Duration loginTimeout, int attempts) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = Instant.now();
            List<String> failed = new ArrayList<>();
            String landed = null;
            while (landed == null && failed.size() < attempts) {
                try (Connection c = entry.connectOnce(loginTimeout, loginTimeout)) {
                    landed = Endpoint.localNodeName(c);
                } catch (SQLException e) {
                    failed.add(describe(e));
                }
            }
            outcomes.add(new Outcome(landed, landed == null ? failed.get(failed.size() - 1) : null, failed,
                    Duration.between(start, Instant.now())));
        }
        return new NewClients(outcomes);
    }

    public static NewClients connect(Endpoint entry, int count, Duration loginTimeout) {
        List<java.util.concurrent.Callable<Outcome>> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(() -> connectOne(entry, loginTimeout));
        }
        return new NewClients(Clients.atOnce(clients, "a client failed unexpectedly"));
    }

    private static Outcome connectOne(Endpoint entry, Duration loginTimeout) {
        Instant start = Instant.now();
        try (Connection c = entry.connectOnce(loginTimeout, loginTimeout)) {
            return new Outcome(Endpoint.localNodeName(c), null, Duration.between(start, Instant.now()));
        } catch (SQLException e) {
            return new Outcome(null, describe(e), Duration.between(start, Instant.now()));
        }
    }
}
