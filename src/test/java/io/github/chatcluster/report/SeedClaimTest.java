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
        assertThat(SeedClaim.READ_PERFORMANCE.notJudgedHere()).contains("not judged yet");
        assertThat(SeedClaim.EVENTUAL_CONSISTENCY.notJudgedHere()).isNull();
        assertThatThrownBy(() -> SeedClaim.withWords("Read Performance: Distributed across workers + coordinators"))
                .hasMessageContaining("listed as not judged here");
        assertThat(SeedClaim.withWords("Automatic Failover: Nginx detects coordinator failures")).isEqualTo(SeedClaim.AUTOMATIC_FAILOVER);
    }
}
