package io.github.chatcluster.steps;

import java.time.Instant;

/** The fault of one scenario: what it is in words, when it was injected, and when the node was back. */
public final class FaultTimeline {

    private volatile FaultInForce fault = FaultInForce.NONE;
    private volatile Instant injectedAt;
    private volatile Instant backAt;

    /** The fault in words, e.g. "worker-3 paused"; "no fault" before one is injected. */
    public String fault() {
        return fault.words();
    }

    /** The fault itself: the nodes it hurts, and its words. */
    public FaultInForce inForce() {
        return fault;
    }

    public void fault(FaultInForce fault) {
        this.fault = fault;
    }

    /** The instant just before the fault was injected: the start of every failover clock. */
    public Instant faultInjectedAt() {
        return injectedAt;
    }

    public void faultInjectedAt(Instant at) {
        this.injectedAt = at;
    }

    /** When the faulty node was back (started again, accepting connections again, the network healed). */
    public Instant backAt() {
        return backAt;
    }

    public void backAt(Instant at) {
        this.backAt = at;
    }
}
