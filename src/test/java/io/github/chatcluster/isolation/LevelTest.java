package io.github.chatcluster.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chatcluster.isolation.Anomaly.Kind;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class LevelTest {

    @Test
    void theStrongestLevelConsistentWithWhatWasFound() {
        assertThat(Level.consistentWith(EnumSet.noneOf(Kind.class))).isEqualTo(Level.SERIALIZABLE);
        assertThat(Level.consistentWith(EnumSet.of(Kind.G2_ITEM))).isEqualTo(Level.SNAPSHOT_ISOLATION);
        assertThat(Level.consistentWith(EnumSet.of(Kind.G_SINGLE, Kind.G2_ITEM))).isEqualTo(Level.READ_COMMITTED);
        for (Kind k : EnumSet.of(Kind.G0, Kind.G1A, Kind.G1B, Kind.G1C, Kind.INTERNAL, Kind.GARBAGE, Kind.DUPLICATE, Kind.INCOMPATIBLE_ORDER)) {
            assertThat(Level.consistentWith(EnumSet.of(k))).as("%s", k).isEqualTo(Level.NONE);
        }
        // a lost append is about durability, not isolation: the checker keeps it out of the level
        assertThat(Level.consistentWith(EnumSet.of(Kind.LOST_APPEND))).isEqualTo(Level.SERIALIZABLE);
    }
}
