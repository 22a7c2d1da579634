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
