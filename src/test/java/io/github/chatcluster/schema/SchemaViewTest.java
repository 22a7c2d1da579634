package io.github.chatcluster.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.chatcluster.catalog.SchemaShape.Table;
import org.junit.jupiter.api.Test;

class SchemaViewTest {

    @Test
    void readsEachKindOfTableFromItsCatalogRow() {
        assertThat(SchemaView.parse("messages|distributed|room_id|2")).isEqualTo(Table.distributed("messages", "room_id", 2));
        assertThat(SchemaView.parse("emoji|reference||0")).isEqualTo(Table.reference("emoji"));
        assertThat(SchemaView.parse("reactions|local||0")).isEqualTo(Table.local("reactions"));
    }

    @Test
    void aRowItCannotReadIsNamed() {
        assertThatThrownBy(() -> SchemaView.parse("messages|distributed")).hasMessageContaining("messages|distributed");
        assertThatThrownBy(() -> SchemaView.parse("t|append|x|1")).hasMessageContaining("t|append|x|1");
    }
}
