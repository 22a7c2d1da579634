package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import io.github.chatcluster.cluster.ChatCluster;


/** Assertions on where shard copies are and what they hold, over data read by the catalog objects. */
final class PlacementChecks {

    private PlacementChecks() {
    }

    /** Each shard of the table: exactly this many copies, on distinct workers, none on a coordinator. */
    static void assertCopiesOnDistinctWorkers(String table, Map<Long, List<String>> nodesByShard, int copies) {
        assertThat(nodesByShard).as("shards of %s", table).isNotEmpty();
        nodesByShard.forEach((shard, nodes) -> {
            assertThat(nodes)
                    .as("shard %d of %s is stored on %s: expected %d copies on different workers "
                            + "(is the shard replication factor still %d?)", shard, table, nodes, copies, copies)
                    .hasSize(copies).doesNotHaveDuplicates();
            assertThat(nodes).as("shard %d of %s is stored on %s, a coordinator among them", shard, table, nodes)
                    .doesNotContain(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2);
        });
    }

    /** Every shard table has two copies, both there, and they hold the same rows (row count and checksum). */
    static void assertBothCopiesIdentical(Map<String, Map<String, String>> fingerprintsByShardTable) {
        assertThat(fingerprintsByShardTable).as("shard tables compared").isNotEmpty();
        fingerprintsByShardTable.forEach((shardTable, fingerprints) -> {
            assertThat(fingerprints).as("copies of shard %s", shardTable).hasSize(2);
            // two copies missing alike are not "identical": every listed copy must be there
            assertThat(fingerprints).as("copies of shard %s", shardTable).doesNotContainValue("missing");
            assertThat(new HashSet<>(fingerprints.values())).as("copies of shard %s: %s", shardTable, fingerprints).hasSize(1);
        });
    }
}
