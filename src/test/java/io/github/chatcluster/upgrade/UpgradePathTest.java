package io.github.chatcluster.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpgradePathTest {

    private static CitusRelease release(String image, int pg, String control) {
        return CitusRelease.of(image, pg, control).orElseThrow();
    }

    private static final CitusRelease C13_PG17 = release("citusdata/citus:13.2.0",
            17, "comment = 'Citus distributed database'\ndefault_version = '13.2-1'\n");
    private static final CitusRelease C14_PG17 = release("citusdata/citus:14.0.0-pg17",
            17, "default_version = '14.0-1'\n");
    private static final CitusRelease C14_PG18 = release("citusdata/citus:14.0.0",
            18, "default_version = '14.0-1'\n");

    @Test
    void readsTheExtensionVersionFromCitusControl() {
        assertThat(C14_PG18.postgresMajor()).isEqualTo(18);
        assertThat(C13_PG17.citusVersion()).isEqualTo("13.2");
        assertThat(CitusRelease.of("x", 17, "comment = 'no version'")).isEmpty();
    }

    @Test
    void aNewerCitusOnTheSamePostgresIsAnUpgrade() {
        assertThat(UpgradePath.refusal(C13_PG17, C14_PG17)).isEmpty();
    }

    @Test
    void theSameReleaseIsRefused() {
        assertThat(UpgradePath.refusal(C14_PG17, C14_PG17)).hasValueSatisfying(m -> assertThat(m).contains("is no upgrade"));
    }

    @Test
    void anOlderTargetIsRefused() {
        assertThat(UpgradePath.refusal(C14_PG17, C13_PG17)).hasValueSatisfying(m -> assertThat(m).contains("no downgrade"));
    }

    @Test
    void anotherPostgresMajorIsRefusedNamingPgUpgrade() {
        assertThat(UpgradePath.refusal(C13_PG17, C14_PG18)).hasValueSatisfying(m -> assertThat(m).contains("pg_upgrade"));
    }
}
