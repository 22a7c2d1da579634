@writes
Feature: Both coordinators take writes at the same time
  Clients write through coordinator-1 and coordinator-2 at once. Both coordinators write into the
  same shards on the workers, so a write acknowledged by one coordinator is visible through the
  other, and through the load balancer, with no waiting: the first read after the writers finished
  finds every acknowledged write, which is stronger than the "eventual consistency" the original demo
  promised. (Whether each write is visible the moment it is acknowledged, and across several rooms,
  is for the consistency scenarios to measure.)

  Background:
    Given the chat cluster is running and was checked healthy before this scenario

  @ci-external
  Scenario: Writers on both coordinators at once lose nothing and duplicate nothing
    When 4 clients write through coordinator-1 and 4 clients write through coordinator-2 at the same time, each creating 10 rooms with 2 members and 5 messages
    Then every write was acknowledged
    And the demo's claim of "Data Consistency: Eventual consistency across coordinators" holds for writes to one room each: every acknowledged room, member and message is visible through coordinator-1, coordinator-2 and the load balancer by the first read after the writers finished
    And no message is stored twice
    And for each chat table, the workers store exactly twice the rows the application sees

  Scenario: The load balancer spreads new connections over both coordinators
    Given the load balancer has both coordinators in its rotation
    When a client opens 20 connections through the load balancer
    Then every connection lands on coordinator-1 or coordinator-2
    And each coordinator receives at least 8 of the 20 connections

  @benchmark
  Scenario: Write throughput through one coordinator and through both
    # The original demo claims that write throughput "scales linearly with coordinator count" and
    # that two coordinators reduce contention. Both coordinators share the same workers, which do
    # the actual writing. The experiment: the same 8 writers through coordinator-1 alone (A) and
    # 4 through each coordinator (B); two warm-up trials discarded; then blocks of four trials, each
    # ABBA or BAAB at random, so that drift weighs on both arms alike. The claim is decided on the
    # 95 % interval of the ratio of the arms (each trial taken relative to its block, so that a drift
    # between blocks drops out; Hodges-Lehmann, with an exact rank interval from relabelling the trials
    # within their blocks), and the
    # same blocks run coordinator-1 alone against itself (an A/A control): if that control shows the
    # claimed gain, noise or order can decide alone, and the verdict is withdrawn. "Linearly" is
    # twice the writes per second: held when all of the interval is at or above 2, not held when all
    # of it is below. It does not hold: both coordinators send every write to the same workers.
    # Reduced contention is measured here and not judged (summary.txt says why): the median write
    # latency through both is about a tenth lower, too close to "no gain" to come out the same on
    # every run with these trials.
    When the write trials run: 8 writers through coordinator-1 alone against half of them through each coordinator, 1 second a trial, 2 warm-up trials, then 4 blocks in a random ABBA order, and the same blocks of coordinator-1 alone against itself
    Then the report shows each trial's writes per second and median latency through each coordinator
    And the demo's claim of "Write Throughput: Scales linearly with coordinator count" does not hold, judged by the interval of the ratio of writes per second through both coordinators to through one, against twice
    And the report shows the interval of the ratio of the median write latency through coordinator-1 alone to through both, and that of the A/A control
