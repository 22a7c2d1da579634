package io.github.chatcluster.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.chatcluster.catalog.SchemaShape.Table;
import org.junit.jupiter.api.Test;

class SchemaAsDesignedTest {

    @Test
    void readsEachKindOfTableFromItsCatalogRow() {
        assertThat(SchemaAsDesigned.parse("messages|distributed|room_id|2")).isEqualTo(Table.distributed("messages", "room_id", 2));
        assertThat(SchemaAsDesigned.parse("emoji|reference||0")).isEqualTo(Table.reference("emoji"));
        assertThat(SchemaAsDesigned.parse("reactions|local||0")).isEqualTo(Table.local("reactions"));
    }

    @Test
    void aRowItCannotReadIsNamed() {
        assertThatThrownBy(() -> SchemaAsDesigned.parse("messages|distributed")).hasMessageContaining("messages|distributed");
        assertThatThrownBy(() -> SchemaAsDesigned.parse("t|append|x|1")).hasMessageContaining("t|append|x|1");
    }
}
