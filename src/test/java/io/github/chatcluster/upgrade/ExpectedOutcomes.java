package io.github.chatcluster.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a feature states about each kind of request in a state of the upgrade ("works", or "refused" with a part of
 * the error), compared with what {@link RequestProbe} saw: the differences, one line each, none when the statement holds.
 */
public final class ExpectedOutcomes {

    /** One row of the feature's table: the request, its outcome, and a part of the error when refused. */
    public record Expected(String request, Kind outcome, String errorContains) {
        public Expected(String request, boolean works, String errorContains) {
            this(request, works ? Kind.WORKS : Kind.REFUSED, errorContains);
        }
    }

    /** The outcomes a feature may state: "works", "refused", "not tried" (what it needs was refused before it). */
    public enum Kind {
        WORKS, REFUSED, NOT_TRIED;

        public static Kind named(String text) {
            for (Kind k : values()) {
                if (k.name().replace('_', ' ').equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("an outcome is \"works\", \"refused\" or \"not tried\", not \"" + text + "\"");
        }
    }

    private ExpectedOutcomes() {
    }

    public static List<String> differences(List<Expected> expected, Map<String, RequestProbe.Outcome> seen) {
        List<String> differences = new ArrayList<>();
        for (Expected e : expected) {
            RequestProbe.Outcome outcome = seen.get(e.request());
            if (outcome == null) {
                differences.add("'" + e.request() + "' was not tried (the requests tried: " + seen.keySet() + ")");
            } else if (e.outcome() == Kind.NOT_TRIED || !outcome.tried()) {
                if ((e.outcome() == Kind.NOT_TRIED) != !outcome.tried()) {
                    differences.add("'" + e.request() + "' was expected " + e.outcome().name().toLowerCase().replace('_', ' ') + ", and: " + outcome);
                }
            } else if (e.outcome() == Kind.WORKS && !outcome.worked()) {
                differences.add("'" + e.request() + "' was expected to work, and was refused: " + outcome.error());
            } else if (e.outcome() == Kind.REFUSED && outcome.worked()) {
                differences.add("'" + e.request() + "' was expected to be refused, and worked");
            } else if (e.outcome() == Kind.REFUSED && !e.errorContains().isBlank() && !outcome.error().contains(e.errorContains())) {
                differences.add("'" + e.request() + "' was refused, but not with '" + e.errorContains() + "': " + outcome.error());
            }
        }
        for (String tried : seen.keySet()) {
            if (expected.stream().noneMatch(e -> e.request().equals(tried))) {
                differences.add("'" + tried + "' was tried, and the feature states nothing about it: " + seen.get(tried));
            }
        }
        return differences;
    }
}
