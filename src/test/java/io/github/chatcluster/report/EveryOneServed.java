package io.github.chatcluster.report;

import java.time.Duration;
import java.util.Locale;

/**
 * The rule of the claims that promise service to every client through a fault ("Zero Single Points of Failure",
 * "Independent Failure Domains", "Automatic Failover" for a hung coordinator, "Fault-Tolerant Worker Replication",
 * "Eventual consistency" read at once): held when every one tried was served, within the bound when the feature states
 * one; not held when any was refused, left without an answer, missing, or served late. Nobody tried decides nothing.
 */
public final class EveryOneServed {

    public record Judgement(Verdict verdict, String why) {
    }

    private EveryOneServed() {
    }

    /**
     * @param what   what was tried, in the plural, with what serving them means ("new clients through the load balancer answered")
     * @param served how many of them were served
     * @param tried  how many were tried
     */
    public static Judgement judge(String what, int served, int tried) {
        if (tried <= 0) {
            return new Judgement(Verdict.NOT_DECIDED, "no " + what + " were tried");
        }
        if (served < 0 || served > tried) {
            throw new IllegalArgumentException(served + " of " + tried + " " + what + " served");
        }
        return new Judgement(Verdict.of(served == tried), String.format(Locale.ROOT, "%d of %d %s%s", served, tried, what,
                served == tried ? "" : ", " + (tried - served) + " not"));
    }

    /** Every one of them was served (a read of all of them came back complete). */
    public static Judgement every(String what) {
        return new Judgement(Verdict.HELD, "every one of the " + what);
    }

    /** Every one of them was served, in {@code took}: within the bound? */
    public static Judgement everyWithin(String what, Duration took, Duration bound) {
        return inTime("every one of the " + what, took, bound);
    }

    /** Not every one of them was served: the failure says which, or why. */
    public static Judgement notEvery(String what, String failure) {
        return new Judgement(Verdict.NOT_HELD, "not every one of the " + what + ": " + failure);
    }

    private static Judgement inTime(String served, Duration took, Duration bound) {
        boolean inTime = took.compareTo(bound) <= 0;
        return new Judgement(Verdict.of(inTime), String.format(Locale.ROOT, "%s in %.2f s, %s the bound of %d s", served,
                took.toMillis() / 1000.0, inTime ? "within" : "beyond", bound.toSeconds()));
    }
}
