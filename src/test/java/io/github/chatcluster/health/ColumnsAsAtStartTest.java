package io.github.chatcluster.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ColumnsAsAtStartTest {

    private static final Set<String> START = Set.of("messages.id", "messages.room_id", "messages.body", "rooms.id");

    @Test
    void theColumnsOfTablesFoundBeforeTheRunAreNotTheSuites() {
        assertThat(ColumnsAsAtStart.ours(java.util.List.of("messages.id", "orders.id", "orders.note"), Set.of("orders")))
                .containsExactly("messages.id");
    }

    @Test
    void theSameColumnsAreNoProblem() {
        assertThat(ColumnsAsAtStart.differences(START, START)).isEmpty();
    }

    @Test
    void aColumnAScenarioLeftIsFoundAndIsTheOneToDrop() {
        Set<String> now = Set.of("messages.id", "messages.room_id", "messages.body", "messages.edited_at", "rooms.id");
        assertThat(ColumnsAsAtStart.added(START, now)).containsExactly("messages.edited_at");
        assertThat(ColumnsAsAtStart.differences(START, now)).singleElement().asString().contains("messages.edited_at");
    }

    @Test
    void aMissingColumnIsAProblemThatIsNotRepaired() {
        Set<String> now = Set.of("messages.id", "messages.room_id", "rooms.id");
        assertThat(ColumnsAsAtStart.added(START, now)).isEmpty();
        assertThat(ColumnsAsAtStart.differences(START, now)).singleElement().asString().contains("messages.body is gone");
    }

    @Test
    void aTableThatWasNotThereAtTheStartIsLeftToTheSchemaCheck() {
        Set<String> now = Set.of("messages.id", "messages.room_id", "messages.body", "rooms.id", "reactions.id");
        assertThat(ColumnsAsAtStart.differences(START, now)).isEmpty();
        Set<String> withoutRooms = Set.of("messages.id", "messages.room_id", "messages.body");
        assertThat(ColumnsAsAtStart.differences(START, withoutRooms)).as("a table gone is the schema check's too").isEmpty();
    }
}
