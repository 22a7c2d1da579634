package io.github.chatcluster.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FracturedReadsTest {

    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    private static History.Operation read(String client, Set<Long> a, Set<Long> b) {
        return new History.Operation(client, "coordinator-2", "read one statement", -1, T, T, "ok", a, b);
    }

    @Test
    void aReadThatSeesHalfATransactionIsFractured() {
        assertThat(FracturedReads.fractured(Set.of(1L, 2L), Set.of(1L, 2L))).isFalse();
        assertThat(FracturedReads.fractured(Set.of(1L, 2L), Set.of(1L))).isTrue();
        assertThat(FracturedReads.crossed(Set.of(1L, 2L), Set.of(1L))).isFalse();
        assertThat(FracturedReads.crossed(Set.of(1L, 2L), Set.of(1L, 3L))).isTrue();
    }

    @Test
    void countsPerReaderWithAnExample() {
        List<History.Operation> h = List.of(read("r", Set.of(1L), Set.of(1L)), read("r", Set.of(1L, 2L), Set.of(1L)),
                read("r", Set.of(1L, 2L), Set.of(1L, 3L)),
                new History.Operation("r", "c2", "read one statement", -1, T, T, "error: x", Set.of(), Set.of()));
        FracturedReads.Counts c = FracturedReads.byReader(h).get(0);
        assertThat(c.reads()).isEqualTo(4);
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.fractured()).isEqualTo(2);
        assertThat(c.crossed()).isEqualTo(1);
        assertThat(c.example().seenA()).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void aFollowReadCountsOnlyWhenItBeganAfterTheAcknowledgement() {
        List<History.Operation> h = List.of(
                new History.Operation("w", "coordinator-1", "write", 7, T, T.plusMillis(10), "ok", Set.of(), Set.of()),
                new History.Operation("w", "coordinator-2", "follow", 7, T.plusMillis(5), T.plusMillis(6), "ok", Set.of(), Set.of()),
                new History.Operation("w", "coordinator-2", "follow", 7, T.plusMillis(11), T.plusMillis(12), "ok", Set.of(7L), Set.of()),
                new History.Operation("w", "coordinator-1", "write", 8, T, T.plusMillis(20), "ok", Set.of(), Set.of()),
                new History.Operation("w", "coordinator-2", "follow", 8, T.plusMillis(21), T.plusMillis(22), "ok", Set.of(8L), Set.of(8L)));
        FracturedReads.Followed f = FracturedReads.followed(h);
        assertThat(f.followed()).isEqualTo(2);
        assertThat(f.missed()).containsExactly(7L);
    }
}
