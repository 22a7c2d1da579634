package io.github.chatcluster.report;

/**
 * Whether a verdict a step reached on a claim counts when its scenario ends. It counts when the scenario passed, and
 * when the scenario failed in the very step that reached it: that step states the claim and checks it (a claim found
 * false is reported NOT HELD, and the gate fails too). It is withdrawn ("not decided") when the scenario failed in a
 * later step, for another reason: what the verdict rests on may not have been what the scenario meant to measure.
 */
public final class ClaimSettlement {

    private ClaimSettlement() {
    }

    /**
     * @param passed     whether the scenario passed
     * @param failedStep the index of the step that failed (0 for the first), or -1 when none did
     * @param claimStep  the index of the step that reached the verdict
     */
    public static boolean counts(boolean passed, int failedStep, int claimStep) {
        if (passed || failedStep < 0) {
            return true;
        }
        return failedStep == claimStep;
    }
}
