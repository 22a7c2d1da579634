package io.github.chatcluster.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpgradePathTest {

    private static CitusRelease release(String image, String probe) {
        return CitusRelease.parse(image, probe).orElseThrow();
    }

    private static final CitusRelease C13_PG17 = release("citusdata/citus:13.2.0",
            "postgres (PostgreSQL) 17.12 (Debian 17.12-0+deb13u1)\ndefault_version = '13.2-1'\n");
    private static final CitusRelease C14_PG17 = release("citusdata/citus:14.0.0-pg17",
            "postgres (PostgreSQL) 17.12 (Debian 17.12-0+deb13u1)\ndefault_version = '14.0-1'\n");
    private static final CitusRelease C14_PG18 = release("citusdata/citus:14.0.0",
            "postgres (PostgreSQL) 18.6 (Debian 18.6-3)\ndefault_version = '14.0-1'\n");

    @Test
    void readsTheReleaseFromTheImagesOwnFiles() {
        assertThat(C14_PG18.postgresMajor()).isEqualTo(18);
        assertThat(C13_PG17.citusVersion()).isEqualTo("13.2");
        assertThat(CitusRelease.parse("x", "sh: postgres: not found")).isEmpty();
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
