@smoke @topology
Feature: Cluster topology
  The chat cluster is made of two coordinators that both accept reads and writes, four workers
  that store the data, and a TCP load balancer (nginx) in front of the coordinators.

  In Citus a "second coordinator" is a node that has a copy of the cluster's metadata but stores
  no data itself: coordinator-1 is the real coordinator (it alone changes the schema), and
  coordinator-2 can run queries and writes for every table because the metadata is synced to it.
  Every piece of data (a shard) is stored on two different workers.

  Time bounds. The start-up scenario's bound is on the cluster's own start, at the beginning of the
  run: ready within 60 s, a bound on the cluster and the machine together. One more node, started
  beside the other scenarios, gives the scale (when the run calibrates the machine, it also times one
  node on the idle machine: run.calibration in summary.txt).

  Background:
    Given the chat cluster is running and was checked healthy before this scenario

  Scenario: Four workers store the data, two coordinators store none
    Then the cluster has exactly these active nodes:
      | node          | kind                    | stores shards | has metadata |
      | coordinator-1 | coordinator (group 0)   | no            | yes          |
      | coordinator-2 | metadata node           | no            | yes          |
      | worker-1      | worker                  | yes           | yes          |
      | worker-2      | worker                  | yes           | yes          |
      | worker-3      | worker                  | yes           | yes          |
      | worker-4      | worker                  | yes           | yes          |
    And no shard of any table is stored on a coordinator

  Scenario: Every node has the same, fully synced, view of the cluster
    Then every node reports that the metadata is synced to all 6 nodes
    And every node lists the same 6 nodes as coordinator-1 does

  Scenario: Every node can reach every other node
    When each node checks its connection to each node
    Then all 36 node-to-node connections are healthy

  Scenario: The load balancer accepts connections and hands them to a coordinator
    When a client opens 10 connections through the load balancer
    Then every connection lands on coordinator-1 or coordinator-2
    And the connections land on both coordinators

  Scenario: The chat tables are distributed, stored twice and co-located
    Then these tables are distributed by hash of these columns:
      | table        | distribution column |
      | rooms        | id                  |
      | room_members | room_id             |
      | messages     | room_id             |
    And every shard of every chat table is stored on exactly 2 different workers
    And the chat tables share one co-location group

  @embedded
  Scenario: Start-up time of the whole cluster, next to one node alone
    # The suite initialises one Citus node and starts the six nodes from a copy of it, in parallel
    # with the load balancer; the cluster is then formed and the chat schema deployed. On a 2-core
    # machine this takes several times as long as one node alone: Docker alone needs about as long
    # to start six containers as one node needs to start. The report shows both figures of this run.
    When one more Citus node of the same image is started alone and timed
    Then that node runs Citus
    And the report shows the time to a ready cluster next to the time of that one node
    And the cluster was ready within 60 seconds of its start
