package io.github.chatcluster.cluster.external;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalClusterCheckTest {

    @Test
    void thePublicTablesOfAnObjectListAreItsTablesAndPartitionedTablesInPublic() {
        String objects = """
                function public.f(integer)
                relation other.audit (r)
                relation public.audit (r)
                relation public.events (p)
                relation public.audit_id_seq (S)
                relation public.report (v)
                type public.mood""";
        assertThat(ExternalClusterCheck.publicTables(objects)).containsExactlyInAnyOrder("audit", "events");
    }
}
