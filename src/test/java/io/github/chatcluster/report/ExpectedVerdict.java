package io.github.chatcluster.report;

/**
 * The gate on a claim: its feature states the verdict the cluster gives ("holds", "does not hold"), and a run that
 * finds another one fails, naming the change. The ledger keeps what the run found either way.
 */
public final class ExpectedVerdict {

    private ExpectedVerdict() {
    }

    /** The verdict a feature's words state: "holds" or "does not hold". NOT DECIDED is never an expectation. */
    public static Verdict stated(String words) {
        return switch (words.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "holds", "held" -> Verdict.HELD;
            case "does not hold", "not held" -> Verdict.NOT_HELD;
            default -> throw new IllegalArgumentException("A claim's expected verdict is \"holds\" or \"does not hold\", not \""
                    + words + "\"; a claim an experiment cannot decide needs a stronger experiment, or its reason"
                    + " for not being judged here (SeedClaim)");
        };
    }

    /** Null when the run found what the feature states; otherwise the message the scenario fails with. */
    public static String changed(SeedClaim claim, Verdict expected, Verdict found, String evidence) {
        if (expected == Verdict.NOT_DECIDED) {
            throw new IllegalArgumentException("NOT DECIDED is not an expected verdict (" + claim.words() + ")");
        }
        if (found == expected) {
            return null;
        }
        String because = found == Verdict.NOT_DECIDED ? "the experiment could not decide: " : "";
        return "the claim \"" + claim.words() + "\" changed from " + expected + " to " + found + ": " + because + evidence;
    }
}
