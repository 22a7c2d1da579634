package io.github.chatcluster.steps;

import java.util.ArrayList;
import java.util.List;

import io.github.chatcluster.app.Reactions;
import io.github.chatcluster.schema.LongTransaction;
import io.github.chatcluster.schema.SchemaChange;
import io.github.chatcluster.schema.SchemaSnapshot;

/**
 * One schema scenario's state (picocontainer), written by its Given and When steps only: the schema it found, the
 * changes the operator ran (in order), a transaction it holds open, the worker it killed, the reactions acknowledged.
 */
public class SchemaWork {

    /** The schema before the scenario: what it gives back when it ends. */
    SchemaSnapshot before;
    /** Every change the operator ran, in order. */
    final List<SchemaChange> changes = new ArrayList<>();
    /** A transaction the scenario holds open, or null. */
    LongTransaction longTransaction;
    /** The worker the scenario killed while an index was built, or null. */
    String killedWorker;
    /** The reactions the clients were told were added. */
    final List<Reactions.Reaction> acknowledgedReactions = new ArrayList<>();
    /** The reactions refused, each with its SQLSTATE. */
    final List<String> refusedReactions = new ArrayList<>();

    SchemaChange last() {
        if (changes.isEmpty()) {
            throw new AssertionError("the operator ran no schema change in this scenario");
        }
        return changes.get(changes.size() - 1);
    }
}
