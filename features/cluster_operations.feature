@operations
Feature: Changing the cluster while it serves: adding, draining and removing workers, moving shards
  An operator grows the cluster with a new worker, drains a worker before its host goes away, moves a
  shard off a busy worker and rebalances. Here each of those runs while clients write and read: one
  writer and one reader through coordinator-1, one through coordinator-2 and one through the load
  balancer, each on its own connection, a write every 100 ms, every failed write retried for up to
  20 seconds (each attempt bounded to 5 seconds) with the same id. Each client's longest time without
  a success, its refused writes by SQLSTATE, its unknown outcomes and its retries are in the report,
  and every acknowledged write is read back exactly once through both coordinators at the end.

  What this cluster allows, as found on it (replication factor 2, metadata synced to coordinator-2,
  and PostgreSQL's default wal_level = replica, which containers/citus does not change):
  - A shard moves only with the transfer mode block_writes: writes to the rooms of the shard group
    being copied wait until the copy is done; they are not refused. The default mode (auto) and
    force_logical use logical replication, which needs wal_level = logical: a move is refused at once,
    and a background rebalance retries its first move with no end, saying so only in its status.
  - Citus's default rebalance strategy is by_disk_size: it balances the workers by the size of their
    shards, so the number of copies each ends with depends on the data the cluster holds. The scenarios
    that count copies per worker rebalance with the strategy by_shard_count.
  - The operations run through coordinator-1 only. coordinator-2 refuses a move and a drain; it accepts
    a background rebalance, and then never runs it (see the last scenarios).
  - Draining works through the background rebalancer (shouldhaveshards false, then drain_only);
    citus_drain_node fails with an error, before or after moving some shards. Removing a worker that still stores shards is not
    refused: their other copy is then the only one, and coordinator-2 refuses every query on those
    shards until its metadata is synced again.
  - A move leaves cleanup records on coordinator-1 for the shard tables it no longer needs (or, when it
    failed, the ones it had begun on its target); Citus drops them itself later, or with
    citus_cleanup_orphaned_resources once nothing holds the failed move's lock. A worker removed before
    that leaves records Citus never processes: clean up first. A move whose coordinator was killed
    left, in some runs, a shard table on its target with no record at all (only an operator's DROP
    removes it), in others nothing.
  The check before every scenario removes a node other than the six, stops a background job, cleans up
  what an operation left and rebalances the four workers to 48 shard copies each.

  Time bounds. On the cluster (the scenario holds its share of the machine while it measures): no
  client more than 10 s (scale-out, drain), 20 s (killed target, not counting the time the worker was
  down) or 30 s (killed coordinator-1) without a success; prepared transactions finished by Citus
  within 20 s of the worker accepting queries; a refused move retried by Citus within 20 s. Harness
  waits (as long as progress is seen): a rebalance's end, 90 s without a task changing or 10 minutes
  in all; the operator's cleanup loop, 30 s. The clients' retries (20 s, 5 s an attempt) are settings.

  Background:
    Given the chat cluster is running and was checked healthy before this scenario
    And 40 rooms with 2 members and 3 messages each have been written through the load balancer

  @spare-worker @heavy
  Scenario: Scale-out: worker-5 joins and the shards are rebalanced while clients write and read, then it is drained and removed
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When worker-5 is started and added to the cluster through coordinator-1
    And the operator rebalances the shards through coordinator-1 with citus_rebalance_start, the strategy by_shard_count and the transfer mode block_writes
    Then the demo's claim of a "horizontally-sharded database" holds: worker-5 took its share of the shard copies, and no client has gone more than 10 seconds without a success
    And the rebalance finished while its tasks progressed, and the report shows how long it took and how many shard copies it moved
    And the rebalance plan of the strategy by_shard_count is empty
    And each of the 5 workers stores between 36 and 42 of the 192 shard copies
    And every shard of every chat table is stored on exactly 2 different workers
    And for every room, its shards of rooms, room_members and messages are placed on the same 2 workers
    When the operator drains worker-5 through coordinator-1 with the background rebalancer and the transfer mode block_writes
    Then the rebalance finished while its tasks progressed, and the report shows how long it took and how many shard copies it moved
    When the operator calls citus_cleanup_orphaned_resources through coordinator-1
    And the operator removes worker-5 through coordinator-1
    And the clients stop
    Then the removal succeeded
    And the cluster has the 4 workers again, and every shard of every chat table is stored on exactly 2 of them
    And nothing the operations left behind remains on any node of the cluster
    And for each chat table, the workers store exactly twice the rows the application sees
    And every acknowledged write is stored exactly once
    And no client went more than 10 seconds without a success, and the report shows what each client saw

  @heavy
  Scenario: Drain: worker-4 is drained while clients write and read, and then takes shards again
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When the operator drains worker-4 through coordinator-1 with the background rebalancer and the transfer mode block_writes
    Then the rebalance finished while its tasks progressed, and the report shows how long it took and how many shard copies it moved
    And worker-4 stores no shard copy
    And every shard of every chat table is stored on exactly 2 different workers
    When the operator lets worker-4 take shards again and rebalances through coordinator-1 with citus_rebalance_start, the strategy by_shard_count and the transfer mode block_writes
    Then the rebalance finished while its tasks progressed, and the report shows how long it took and how many shard copies it moved
    And each of the 4 workers stores between 45 and 51 of the 192 shard copies
    When the clients stop
    Then every acknowledged write is stored exactly once
    And no client went more than 10 seconds without a success, and the report shows what each client saw

  @faults @heavy
  Scenario: A shard move whose target worker is killed while the shard is copied fails, leaves debris, and succeeds when tried again
    # The clients' writes to other rooms go on while the target is killed. A write the kill cuts off
    # between PREPARE and COMMIT PREPARED on that worker is acknowledged (its coordinator has decided
    # to commit it), but stays prepared on the worker: its row is invisible there, and every read
    # served by that copy misses it, until the coordinator that wrote it finishes it in its
    # two-phase-commit recovery (every 10 s on the cluster under test, Citus's default 60 s; the same
    # recovery rolls back a transaction cut off before its coordinator decided, whose client was told
    # it failed). The worker came back holding such a transaction in 4 of 22 runs. Twice, before this
    # scenario waited for that recovery, the read-back of every acknowledged write missed one message
    # that was found on both copies a moment later: the likely reason, not caught in the act.
    # A writer whose write goes to a room with a copy on the killed worker waits, retrying, until
    # that worker is back; the worker's crash recovery took from 2 s to 40 s, longer the busier the
    # machine. So the clients' bound leaves out the time the worker was down (the report gives it).
    Given the first room holds 300000 more messages, so that copying its shards takes seconds
    And clients write and read through coordinator-1, coordinator-2 and the load balancer
    When the operator moves the first room's shards through coordinator-1 to a worker that stores none of them, with the transfer mode block_writes, and that worker is killed while the shards are copied
    Then the move failed with an error reported by the worker it copied from: its COPY to the worker that was killed, or its connection to it, failed
    And the first room's shards are still stored on the same 2 workers as before the move
    When the worker that was killed is started again
    Then every transaction the kill left prepared on that worker is finished by Citus's own two-phase-commit recovery within 20 seconds of the worker accepting queries again, and the report shows how many it held when first read
    And every shard of every chat table is stored on exactly 2 different workers
    And the failed move left behind cleanup records on coordinator-1 for its shard tables on the worker that was killed, any of those tables it had made, and no replication slot, publication, subscription or user
    When the operator calls citus_cleanup_orphaned_resources through coordinator-1 every second until no cleanup record is left, for at most 30 seconds
    Then nothing the operations left behind remains on any node of the cluster, and the report shows how long the clean-up took
    When the operator tries the same move again
    Then the move succeeded, and the first room's shards are stored on the worker that was killed and on the worker they stayed on
    When the clients stop
    Then every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows
    And no client went more than 20 seconds without a success, not counting the time the killed worker was down, and the report shows what each client saw

  @faults @heavy
  Scenario: A shard move during which coordinator-1 is killed fails, leaves debris, and succeeds when tried again
    Given the first room holds 300000 more messages, so that copying its shards takes seconds
    And clients write and read through coordinator-1, coordinator-2 and the load balancer
    When the operator moves the first room's shards through coordinator-1 to a worker that stores none of them, with the transfer mode block_writes, and coordinator-1 is killed while the shards are copied
    Then the move failed as coordinator-1 died: its session was lost, or ended with "postmaster was shut down"
    And the first room's shards are still stored on the same 2 workers as before the move, read through coordinator-2
    When coordinator-1 is started again and has recovered its two-phase commits
    Then every shard of every chat table is stored on exactly 2 different workers
    And the report lists what the failed move left behind, and none of it is a replication slot, publication, subscription, user or background job
    When the operator calls citus_cleanup_orphaned_resources through coordinator-1 every second until no cleanup record is left, for at most 30 seconds
    And the operator drops every chat shard table that no shard copy in the metadata accounts for
    Then nothing the operations left behind remains on any node of the cluster, and the report shows how long the clean-up took
    When the operator tries the same move again
    Then the move succeeded, and the first room's shards are stored on the move's target and on the worker they stayed on
    When the clients stop
    Then every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows
    And no client went more than 30 seconds without a success, and the report shows what each client saw

  @ci-external
  Scenario Outline: A shard move with the transfer mode <mode> is refused: it needs wal_level = logical
    When the operator moves the first room's shards through coordinator-1 to a worker that stores none of them, with the transfer mode <mode>
    Then the move failed with "logical decoding requires"
    And the first room's shards are still stored on the same 2 workers as before the move
    Examples:
      | mode          |
      | auto          |
      | force_logical |

  Scenario: The default background rebalance never finishes on this cluster: its first move is retried with no end
    Given the operator has made worker-4 take no shards through coordinator-1, so that a rebalance has moves to make
    When the operator starts a rebalance through coordinator-1 with citus_rebalance_start, draining only, and the default transfer mode
    Then within 20 seconds its first move has failed with "logical decoding requires" and been retried, the job is still running, and no shard copy has moved
    When the operator stops the rebalance through coordinator-1 with citus_rebalance_stop
    Then the job is cancelled, and no shard copy has moved

  Scenario: citus_drain_node fails with an error before worker-4 is empty
    When the operator drains worker-4 through coordinator-1 with citus_drain_node and the transfer mode block_writes
    Then the drain failed with "already exists in the target node"
    And worker-4 still stores shard copies, and the report shows how many
    And every shard of every chat table is stored on exactly 2 different workers

  @spare-worker
  Scenario: Removing a worker that still stores shards is not refused: the shards it stored are left with one copy
    When worker-5 is started and added to the cluster through coordinator-1
    And the operator moves the first room's shards through coordinator-1 to worker-5, with the transfer mode block_writes
    Then the move succeeded, and the first room's shards are stored on worker-5 and on the worker they stayed on
    When the operator removes worker-5 through coordinator-1
    Then the removal succeeded
    And the first room's 3 shards now have 1 copy each, and every other shard still has 2
    And coordinator-2 and the workers still list the first room's 3 shard copies on worker-5, in a node group that has no node
    And reading the first room through coordinator-2 fails with "there is a shard placement in node group"
    When the operator syncs the metadata to coordinator-2 again through coordinator-1
    Then reading the first room through coordinator-2 succeeds

  @ci-external
  Scenario: Operations through coordinator-2: a move and a drain are refused, and a rebalance is scheduled there and never runs
    When the operator moves the first room's shards through coordinator-2 to a worker that stores none of them, with the transfer mode block_writes
    Then the move failed with "operation is not allowed on this node"
    When the operator drains worker-4 through coordinator-2 with citus_drain_node and the transfer mode block_writes
    Then the drain failed with "operation is not allowed on this node"
    Given the operator has made worker-4 take no shards through coordinator-1, so that a rebalance has moves to make
    When the operator starts a rebalance through coordinator-2 with citus_rebalance_start, draining only, and the transfer mode block_writes
    Then coordinator-2 accepted it as a job of its own, which coordinator-1 does not list
    And within 20 seconds its first move has failed with "operation is not allowed on this node" and been retried, the job is still running, and no shard copy has moved
    When the operator tries to stop the rebalance through coordinator-2 with citus_rebalance_stop
    Then the stop failed with "operation is not allowed on this node", and the job is still running

  @spare-worker
  Scenario: A worker removed right after shards moved off it leaves cleanup records that Citus can no longer process
    # A move leaves the shard tables it copied from to a deferred drop, which coordinator-1's
    # maintenance daemon runs every 15 s (Citus's default). Once in a while it runs between the move
    # and the removal (seen once in about 30 runs), and then the removal strands nothing: the step
    # sees that right after the removal, adds worker-5 again and moves the shards there and back
    # again, up to 3 times, each time in the report. When the daemon is dropping the old copy on
    # worker-1 just as the shards move back there, Citus refuses the move ("the orphaned shard ...
    # could not be cleaned up", seen once): the operator tries it again, every second, for up to 20 s.
    When worker-5 is started and added to the cluster through coordinator-1
    And the operator moves the first room's shards through coordinator-1 to worker-5, with the transfer mode block_writes
    And the operator moves the first room's shards back through coordinator-1 from worker-5, with the transfer mode block_writes
    And the operator removes worker-5 through coordinator-1 before Citus's deferred drop of its old shard tables has run
    And the operator calls citus_cleanup_orphaned_resources through coordinator-1
    Then coordinator-1 still holds the cleanup records of the first room's 3 shard tables on worker-5, a node no longer in the cluster
