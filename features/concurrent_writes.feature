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
    And every acknowledged room, member and message is visible through coordinator-1, coordinator-2 and the load balancer by the first read after the writers finished
    And no message is stored twice
    And for each chat table, the workers store exactly twice the rows the application sees

  Scenario: The load balancer spreads new connections over both coordinators
    Given the load balancer has both coordinators in its rotation
    When a client opens 20 connections through the load balancer
    Then every connection lands on coordinator-1 or coordinator-2
    And each coordinator receives at least 8 of the 20 connections

  @benchmark
  Scenario: Write throughput through one coordinator and through both
    # The original demo claims that write throughput "scales linearly with coordinator count".
    # Both coordinators share the same workers, which do the actual writing; this benchmark
    # reports what the cluster does on this machine, with the same number of writers in both
    # set-ups. It asserts no absolute speed. The trials alternate. "Scales linearly" means twice the
    # writes per second with two coordinators: held when every trial through both has at least twice
    # the writes per second of every trial through one; not held when every trial through both has
    # less than twice every trial through one; otherwise the spread decides, and it is "not decided".
    When 3 trials of 2 seconds each alternate 8 writers through coordinator-1 alone with 4 writers through each coordinator
    Then the report shows the median and p99 write latency and the writes per second of each trial, and the verdict on the demo's claim
    And the demo's claim of "Reduced Contention: Write load distributed across coordinators" is judged by the trials' median write latency through one coordinator and through both
