@consistency
Feature: What readers see of a transaction that writes to two rooms, through the other coordinator
  An application sends an announcement to two rooms at once, in one transaction. Citus commits such a
  transaction with a two-phase commit on every worker that stores a copy of either room: it sends COMMIT
  PREPARED to all of them at once, and each worker makes its part visible when its own commit is done.
  There is no snapshot across workers: a read of both rooms that runs while the commits land may see one
  room's message and not yet the other's (a fractured read), whichever coordinator it goes through. The
  claim of synchronization does not hold for this reason; the claim of eventual consistency holds,
  because the coordinator acknowledges the commit only once every worker has made its part visible (a
  worker that fails then is finished later by the two-phase-commit recovery). Here the two rooms are
  stored on different shards and on different workers (no worker holds both), each writer sends an
  announcement every few milliseconds (one message to each room, then COMMIT, no retries), and right
  after each acknowledgement reads that announcement back through the other coordinator. Readers read
  both rooms over and over: in one statement, and in one REPEATABLE READ transaction with a statement
  per room. The reads are judged by the isolation checker of isolation.feature: each write appends its
  announcement to both rooms, each read reads both rooms as sets, and a fractured read is a cycle with
  one anti-dependency, a G-single (read skew): the read depends on the write whose half it saw and
  anti-depends on it for the half it missed. A baseline reader reads through the writer's own
  coordinator: a fractured read comes from the workers, not from the coordinator a reader goes through,
  so it can see them too. A control reader reads the two rooms in two statements with a newly
  acknowledged announcement between them: the checker must find read skew in its reads, which shows
  that the check finds what it looks for. A reader through the load balancer records, for each read, the
  coordinator its session landed on. Afterwards, both copies of every shard of every distributed table
  hold the same rows: the copies converged. Every operation (client, entry point, start, end, outcome,
  what it read) is in a history file, target/cucumber-reports/history/<scenario>.jsonl, to be examined
  again offline.

  Background:
    Given the chat cluster is running and was checked healthy before this scenario
    And 40 rooms with 2 members and 3 messages each have been written through the load balancer
    And two of those rooms whose messages are stored on different shards and on different workers

  @heavy @ci-external
  Scenario: Announcements to two rooms through coordinator-1, read through coordinator-2 and the load balancer
    When for 10 seconds a writer through coordinator-1 sends announcements to both rooms, one transaction each, and reads each back through coordinator-2 right after its acknowledgement, while readers read both rooms through coordinator-2 and the load balancer in one statement and in one REPEATABLE READ transaction, a baseline reader through coordinator-1, the writer's own, in one statement, and a control reader in two statements with an acknowledgement between them
    Then the report shows, for each reader, what the isolation checker finds in the writes and that reader's reads: the classes of anomaly, the strongest level consistent, and one explained example
    And the demo's claim "Data Consistency: Eventual consistency across coordinators" holds, judged by whether every acknowledged announcement was seen in both rooms by its read through the other coordinator begun after the acknowledgement
    And the demo's claim "Cross-Coordinator Synchronization for data consistency" does not hold, judged by whether the isolation checker finds read skew (G-single) in the writes and the reads through the other coordinator and the load balancer
    And the isolation checker finds read skew (G-single) in the writes and the control reader's reads, so the check finds what it looks for
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows

  @heavy
  Scenario: Both coordinators send announcements to the same two rooms at once
    When for 10 seconds writers through coordinator-1 and through coordinator-2 send announcements to both rooms at once, each read back through the other coordinator right after its acknowledgement, while readers read both rooms in one statement through the load balancer, coordinator-1 and coordinator-2, and in one REPEATABLE READ transaction through the load balancer
    Then the report shows, for each reader, what the isolation checker finds in the writes and that reader's reads: the classes of anomaly, the strongest level consistent, and one explained example
    And the demo's claim "Data Consistency: Eventual consistency across coordinators" holds, judged by whether every acknowledged announcement was seen in both rooms by its read through the other coordinator begun after the acknowledgement
    And the demo's claim "Cross-Coordinator Synchronization for data consistency" does not hold, judged by whether the isolation checker finds read skew (G-single) in the writes and the reads through the other coordinator and the load balancer
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows
