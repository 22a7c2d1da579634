package io.github.chatcluster.waits;

import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * A stretch of time in which a step has nothing to observe (a fault in force until its heal, a quiet minute): it lasts
 * the stated time, no less, with a bound of two seconds more.
 */
public final class Stretch {

    private Stretch() {
    }

    public static void lasting(Duration length, String what) {
        Awaitility.await(what).pollDelay(length).atMost(length.plusSeconds(2)).until(() -> true);
    }
}
