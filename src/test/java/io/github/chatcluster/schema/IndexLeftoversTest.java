package io.github.chatcluster.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IndexLeftoversTest {

    private static final String C1 = "coordinator-1";
    private static final String C2 = "coordinator-2";

    private static Map<String, Map<String, Boolean>> healthy() {
        Map<String, Map<String, Boolean>> byNode = new LinkedHashMap<>();
        byNode.put(C1, new LinkedHashMap<>(Map.of("messages_pkey", true)));
        byNode.put(C2, new LinkedHashMap<>(Map.of("messages_pkey", true)));
        byNode.put("worker-1", new LinkedHashMap<>(Map.of("messages_pkey_102008", true)));
        return byNode;
    }

    @Test
    void aHealthySchemaHasNothingToDrop() {
        IndexLeftovers l = new IndexLeftovers(healthy(), C1, C2);
        assertThat(l.problems()).isEmpty();
        assertThat(l.toDropThroughCoordinator1()).isEmpty();
    }

    @Test
    void whatAnInterruptedConcurrentBuildLeavesIsFoundAndDroppedThroughCoordinator1() {
        // as found on the cluster: invalid on coordinator-1, absent on coordinator-2, one shard invalid on a live worker
        Map<String, Map<String, Boolean>> byNode = healthy();
        byNode.get(C1).put("messages_sender", false);
        byNode.get("worker-1").put("messages_sender_102008", false);
        byNode.get("worker-1").put("messages_sender_102012", true);
        IndexLeftovers l = new IndexLeftovers(byNode, C1, C2);
        assertThat(l.problems()).containsExactly(
                "coordinator-1 holds an invalid index: messages_sender (a CREATE INDEX CONCURRENTLY that failed leaves them)",
                "worker-1 holds an invalid index: messages_sender_102008 (a CREATE INDEX CONCURRENTLY that failed leaves them)",
                "the index messages_sender exists on coordinator-1 only");
        assertThat(l.toDropThroughCoordinator1()).containsExactly("messages_sender");
    }

    @Test
    void anInvalidShardIndexOfAValidTableIndexIsDroppedByItsTableIndex() {
        Map<String, Map<String, Boolean>> byNode = healthy();
        byNode.get(C1).put("messages_sender", true);
        byNode.get(C2).put("messages_sender", true);
        byNode.get("worker-1").put("messages_sender_102008", false);
        IndexLeftovers l = new IndexLeftovers(byNode, C1, C2);
        assertThat(l.problems()).hasSize(1);
        assertThat(l.toDropThroughCoordinator1()).containsExactly("messages_sender");
    }

    @Test
    void anIndexOfCoordinator2AloneIsNamedButNotDroppedThroughCoordinator1() {
        Map<String, Map<String, Boolean>> byNode = healthy();
        byNode.get(C2).put("drafts_pkey", true);
        IndexLeftovers l = new IndexLeftovers(byNode, C1, C2);
        assertThat(l.problems()).containsExactly("the index drafts_pkey exists on coordinator-2 only");
        assertThat(l.toDropThroughCoordinator1()).isEmpty();
    }

    @Test
    void anIndexOfATableOneCoordinatorLacksIsLeftToTheSchemaRuleAndATableFoundBeforeTheRunIsLeftOut() {
        Map<String, java.util.List<SchemaView.Index>> byNode = new LinkedHashMap<>();
        byNode.put(C1, java.util.List.of(new SchemaView.Index("messages_pkey", true, "messages"),
                new SchemaView.Index("read_receipts_pkey", true, "read_receipts"),
                new SchemaView.Index("legacy_idx", false, "legacy")));
        byNode.put(C2, java.util.List.of(new SchemaView.Index("messages_pkey", true, "messages"),
                new SchemaView.Index("legacy_idx", false, "legacy")));
        byNode.put("worker-1", java.util.List.of(new SchemaView.Index("messages_pkey_102008", true, "messages_102008")));
        IndexLeftovers l = IndexLeftovers.of(byNode, java.util.Set.of("legacy"), C1, C2);
        assertThat(l.problems()).isEmpty();
        assertThat(l.toDropThroughCoordinator1()).isEmpty();
    }

    @Test
    void anInvalidIndexOfASharedTableIsStillFound() {
        Map<String, java.util.List<SchemaView.Index>> byNode = new LinkedHashMap<>();
        byNode.put(C1, java.util.List.of(new SchemaView.Index("messages_sender", false, "messages")));
        byNode.put(C2, java.util.List.of(new SchemaView.Index("messages_pkey", true, "messages")));
        IndexLeftovers l = IndexLeftovers.of(byNode, java.util.Set.of(), C1, C2);
        assertThat(l.toDropThroughCoordinator1()).containsExactly("messages_sender");
    }
}
