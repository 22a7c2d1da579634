package io.github.chatcluster.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FinalReadsTest {

    private static Txn read(int id, String through, Txn.Outcome outcome, long key, List<Long> values) {
        return new Txn(id, "final through " + through, outcome, List.of(new Mop.Read(key, values)), id, id);
    }

    @Test
    void theSameListsThroughBothCoordinatorsAgree() {
        List<Txn> h = List.of(Txn.of(0, Txn.Outcome.OK, new Mop.Append(1, 1)),
                read(1, "coordinator-1", Txn.Outcome.OK, 1, List.of(1L)), read(2, "coordinator-2", Txn.Outcome.OK, 1, List.of(1L)),
                read(3, "coordinator-1", Txn.Outcome.OK, 2, List.of()), read(4, "coordinator-2", Txn.Outcome.OK, 2, List.of()));
        FinalReads.Agreement a = FinalReads.compare(h, Set.of(1, 2, 3, 4));
        assertThat(a.agree()).isTrue();
        assertThat(a.keys()).isEqualTo(2);
        assertThat(a.entries()).isEqualTo(2);
    }

    @Test
    void aKeyReadDifferentlyOrNotReadThroughOneEntryDisagrees() {
        List<Txn> h = List.of(read(1, "coordinator-1", Txn.Outcome.OK, 1, List.of(1L, 2L)), read(2, "coordinator-2", Txn.Outcome.OK, 1, List.of(1L)),
                read(3, "coordinator-1", Txn.Outcome.OK, 2, List.of()));
        FinalReads.Agreement a = FinalReads.compare(h, Set.of(1, 2, 3));
        assertThat(a.disagreements()).hasSize(2);
        assertThat(a.disagreements().get(0)).contains("key 1").contains("[1, 2]").contains("[1]");
    }

    @Test
    void aFailedFinalReadIsCountedApartAndShowsNoDisagreement() {
        List<Txn> h = List.of(read(1, "coordinator-1", Txn.Outcome.OK, 1, List.of()), read(2, "coordinator-2", Txn.Outcome.FAIL, 1, null));
        FinalReads.Agreement a = FinalReads.compare(h, Set.of(1, 2));
        assertThat(a.agree()).isTrue();
        assertThat(a.failedReads()).isEqualTo(1);
    }
}
