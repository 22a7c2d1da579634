package io.github.chatcluster.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a feature states about each kind of request in a state of the upgrade ("works", or "refused" with a part of
 * the error), compared with what {@link RequestProbe} saw: the differences, one line each, none when the statement holds.
 */
public final class ExpectedOutcomes {

    /** One row of the feature's table: the request, works or refused, and a part of the error when refused. */
    public record Expected(String request, boolean works, String errorContains) {
    }

    private ExpectedOutcomes() {
    }

    public static List<String> differences(List<Expected> expected, Map<String, RequestProbe.Outcome> seen) {
        List<String> differences = new ArrayList<>();
        for (Expected e : expected) {
            RequestProbe.Outcome outcome = seen.get(e.request());
            if (outcome == null) {
                differences.add("'" + e.request() + "' was not tried (the requests tried: " + seen.keySet() + ")");
            } else if (e.works() && !outcome.worked()) {
                differences.add("'" + e.request() + "' was expected to work, and was refused: " + outcome.error());
            } else if (!e.works() && outcome.worked()) {
                differences.add("'" + e.request() + "' was expected to be refused, and worked");
            } else if (!e.works() && !e.errorContains().isBlank() && !outcome.error().contains(e.errorContains())) {
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
