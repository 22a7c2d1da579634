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
        assertThat(SeedClaim.FLEXIBLE_ROUTING.notJudgedHere()).contains("shown, not judged");
        assertThat(SeedClaim.EVENTUAL_CONSISTENCY.notJudgedHere()).isNull();
        assertThatThrownBy(() -> SeedClaim.withWords("Flexible Routing: Apps choose coordinator or use load balancer"))
                .hasMessageContaining("listed as not judged here");
        assertThat(SeedClaim.withWords("Automatic Failover: Nginx detects coordinator failures")).isEqualTo(SeedClaim.AUTOMATIC_FAILOVER);
    }
}
