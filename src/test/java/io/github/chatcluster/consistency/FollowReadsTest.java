package io.github.chatcluster.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FollowReadsTest {

    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aFollowReadCountsOnlyWhenItBeganAfterTheAcknowledgement() {
        List<History.Operation> h = List.of(
                new History.Operation("w", "coordinator-1", "write", 7, T, T.plusMillis(10), "ok", Set.of(), Set.of()),
                new History.Operation("w", "coordinator-2", "follow", 7, T.plusMillis(5), T.plusMillis(6), "ok", Set.of(), Set.of()),
                new History.Operation("w", "coordinator-2", "follow", 7, T.plusMillis(11), T.plusMillis(12), "ok", Set.of(7L), Set.of()),
                new History.Operation("w", "coordinator-1", "write", 8, T, T.plusMillis(20), "ok", Set.of(), Set.of()),
                new History.Operation("w", "coordinator-2", "follow", 8, T.plusMillis(21), T.plusMillis(22), "ok", Set.of(8L), Set.of(8L)));
        FollowReads.Followed f = FollowReads.followed(h);
        assertThat(f.followed()).isEqualTo(2);
        assertThat(f.missed()).containsExactly(7L);
        assertThat(FollowReads.acknowledged(h)).containsOnlyKeys(7L, 8L);
    }
}
