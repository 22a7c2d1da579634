package io.github.chatcluster.steps;

import java.time.Instant;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.faults.FailureKind;


/** The fault kinds of the features, in their words. */
final class Faults {

    private Faults() {
    }

    /** Injects the fault and returns the moment just before it was injected (the start of every failover clock). */
    static Instant inject(ChatCluster cluster, String node, FailureKind how) {
        Instant before = Instant.now();
        how.inject(cluster.faults(), node);
        return before;
    }

    /** Injects the fault and records it, with that moment, as the scenario's fault. */
    static void inject(ScenarioContext context, String node, FailureKind how) {
        context.timeline().faultInjectedAt(inject(context.cluster(), node, how));
        context.timeline().fault(FaultInForce.on(node, how.toString()));
    }

    /** Waits at most the bound for a scheduled fault (or heal) to have run, and fails with its error when it failed. */
    static void outcome(java.util.concurrent.Future<?> scheduled, java.time.Duration bound, String what) {
        try {
            scheduled.get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what + " did not happen within " + bound.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what);
        }
    }
}
