package io.github.chatcluster.steps;

import java.time.Instant;
import java.util.List;

import io.github.chatcluster.operations.Leftover;
import io.github.chatcluster.operations.ShardMove;

/** One scenario's shard move and what happened to it, written by the When steps that plan, run, interrupt and clean up. */
public class MoveState {

    /** The last move planned: the first room's shard group, from where, to where, the worker that kept its copy. */
    ShardMove planned;
    /** Coordinator-1's cleanup records right after a move whose target was killed failed (the target still down). */
    List<Leftover> recordsAtFailure = List.of();
    /** How the clean-up after a failed move went (calls, seconds). */
    String cleanup = "(no clean-up)";
    /**
     * The node a move's kill stopped, when it was started again, when it accepted queries again (after its crash
     * recovery), and the transactions it held prepared since before its start.
     */
    String killed;
    Instant killedStartedAt;
    Instant killedAcceptsQueries;
    List<String> preparedByTheKill = List.of();
}
