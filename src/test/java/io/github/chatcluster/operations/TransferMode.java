package io.github.chatcluster.operations;

import java.util.Arrays;

/** How Citus copies a shard to its new node (its {@code citus.shard_transfer_mode}), by the name a step uses. */
public enum TransferMode {
    /** Logical replication where the table allows it, else block_writes: Citus's default. */
    AUTO("auto"),
    /** Logical replication always: writes go on during the copy; needs {@code wal_level = logical}. */
    FORCE_LOGICAL("force_logical"),
    /** A plain copy while writes to the shard group wait. */
    BLOCK_WRITES("block_writes");

    private final String sqlName;

    TransferMode(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }

    public static TransferMode named(String name) {
        return Arrays.stream(values()).filter(m -> m.sqlName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no transfer mode named '" + name + "'"));
    }

    @Override
    public String toString() {
        return sqlName;
    }
}
