package io.github.chatcluster.waits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Instant T0 = Instant.parse("2026-12-04T20:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aWaitGoesOnAsLongAsWhatItSeesChanges() {
        Progress p = new Progress(T0, Duration.ofSeconds(60), Duration.ofMinutes(10));
        for (int s = 0; s <= 300; s += 50) {
            assertThat(p.observe("done=" + s, at(s))).isEqualTo(Progress.State.GOES_ON); // slower than 120 s in all, never stalled
        }
        assertThat(p.changes()).isEqualTo(6);
    }

    @Test
    void noChangeForTheStallBoundEndsIt() {
        Progress p = new Progress(T0, Duration.ofSeconds(60), Duration.ofMinutes(10));
        assertThat(p.observe("done=1", at(0))).isEqualTo(Progress.State.GOES_ON);
        assertThat(p.observe("done=2", at(10))).isEqualTo(Progress.State.GOES_ON);
        assertThat(p.observe("done=2", at(69))).isEqualTo(Progress.State.GOES_ON);
        assertThat(p.observe("done=2", at(70))).isEqualTo(Progress.State.STALLED);
        assertThat(p.describe(Progress.State.STALLED, at(70))).isEqualTo("no progress for 60.0 s (bound 60.0 s), after 70.0 s and 1 changes");
    }

    @Test
    void theCeilingEndsEvenAProgressingWait() {
        Progress p = new Progress(T0, Duration.ofSeconds(60), Duration.ofSeconds(100));
        assertThat(p.observe(1, at(50))).isEqualTo(Progress.State.GOES_ON);
        assertThat(p.observe(2, at(100))).isEqualTo(Progress.State.CEILING);
    }

    @Test
    void nothingSeenAtAllStallsFromTheStart() {
        Progress p = new Progress(T0, Duration.ofSeconds(30), Duration.ofMinutes(10));
        assertThat(p.observe("same", at(0))).isEqualTo(Progress.State.GOES_ON);
        assertThat(p.observe("same", at(30))).isEqualTo(Progress.State.STALLED);
    }
}
