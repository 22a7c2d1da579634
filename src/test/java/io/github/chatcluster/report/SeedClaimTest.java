package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SeedClaimTest {

    @Test
    void everyClaimHasWordsOfItsOwn() {
        assertThat(Arrays.stream(SeedClaim.values()).map(c -> c.words().toLowerCase()).distinct().count())
                .isEqualTo(SeedClaim.values().length);
    }

    @Test
    void aClaimNotJudgedHereSaysWhyAndCannotBeJudgedWithoutLeavingTheList() {
        assertThat(SeedClaim.REDUCED_CONTENTION.notJudgedHere()).contains("not judged yet");
        assertThat(SeedClaim.EVENTUAL_CONSISTENCY.notJudgedHere()).isNull();
        assertThatThrownBy(() -> SeedClaim.withWords("Reduced Contention: Write load distributed across coordinators"))
                .hasMessageContaining("listed as not judged here");
        assertThat(SeedClaim.withWords("Automatic Failover: Nginx detects coordinator failures")).isEqualTo(SeedClaim.AUTOMATIC_FAILOVER);
    }
}
