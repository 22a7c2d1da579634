package io.github.chatcluster.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chatcluster.catalog.SchemaShape.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaShapeTest {

    private static Map<String, Table> chat(Table... more) {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("rooms", Table.distributed("rooms", "id", 2));
        tables.put("room_members", Table.distributed("room_members", "room_id", 2));
        tables.put("messages", Table.distributed("messages", "room_id", 2));
        for (Table t : more) {
            tables.put(t.name(), t);
        }
        return tables;
    }

    private static Map<String, Map<String, Table>> both(Map<String, Table> c1, Map<String, Table> c2) {
        Map<String, Map<String, Table>> m = new LinkedHashMap<>();
        m.put("coordinator-1", c1);
        m.put("coordinator-2", c2);
        return m;
    }

    @Test
    void theChatSchemaAndAReferenceTableAreAsTheyMustBe() {
        assertThat(SchemaShape.problems(both(chat(Table.reference("emoji")), chat(Table.reference("emoji"))), Set.of())).isEmpty();
    }

    @Test
    void anUndistributedTableOnCoordinator1OnlyIsNamedWithWhatItIsOnEach() {
        var problems = SchemaShape.problems(both(chat(Table.local("reactions")), chat()), Set.of());
        assertThat(problems).containsExactly("the table reactions exists on one coordinator only (coordinator-1: a local table"
                + " (not distributed); coordinator-2: absent)");
    }

    @Test
    void aLocalTableOnBothIsWrongUnlessAFeatureNamesIt() {
        var local = both(chat(Table.local("audit")), chat(Table.local("audit")));
        assertThat(SchemaShape.problems(local, Set.of())).singleElement().asString().contains("is a local table no feature names");
        assertThat(SchemaShape.problems(local, Set.of("audit"))).isEmpty();
    }

    @Test
    void aTableCoLocatedWithNothingOrDistributedByAnotherColumnIsWrong() {
        var alone = both(chat(Table.distributed("receipts", "room_id", 7)), chat(Table.distributed("receipts", "room_id", 7)));
        assertThat(SchemaShape.problems(alone, Set.of())).singleElement().asString().contains("is not co-located with rooms (group 7, rooms: group 2)");
        var byUser = both(chat(Table.distributed("receipts", "user_id", 2)), chat(Table.distributed("receipts", "user_id", 2)));
        assertThat(SchemaShape.problems(byUser, Set.of())).singleElement().asString().contains("is distributed by user_id, not by the room id");
    }

    @Test
    void coordinatorsThatSeeATableDifferentlyAreNamed() {
        var differ = both(chat(Table.reference("emoji")), chat(Table.local("emoji")));
        assertThat(SchemaShape.problems(differ, Set.of())).singleElement().asString().contains("see the table emoji differently");
    }
}
