@faults @repair
Feature: Every scenario starts from a healthy cluster
  Before every scenario the suite checks the cluster, whatever ran before: every container is running,
  unpaused and on the network under its name, with no packet filter rule in force; all six nodes and the
  load balancer answer; no node holds a prepared transaction; every node is active in the metadata of
  both coordinators and has its metadata synced; the metadata holds the six nodes and no other, and no
  node's metadata lists a shard copy of a removed node; no operation left anything behind (a background
  job, a cleanup record, a shard table no placement accounts for, a replication slot, publication,
  subscription or user of a move); every shard has exactly two copies on active nodes, and each copy
  answers a read; the four workers store the same number of shard copies; new connections through the
  load balancer reach both coordinators.
  What is wrong is repaired (unpause, start, reconnect, remove the rules, recover two-phase commits,
  activate, drain and remove an extra node, sync the metadata again, cancel jobs, clean up, copy and
  rebalance shards, make nginx forget failed connections) within 120 seconds, and is listed in the
  report of the scenario that follows. When the repair does not make the cluster healthy, that scenario
  fails with one message naming what is wrong, and the next one starts from a new cluster.

  The check is one piece of code, run by the hook before every scenario and, here, by a step that damages
  the cluster first; so this feature judges it itself, and no other scenario depends on what it leaves.

  Time bounds. The repair is a harness wait (it restarts, copies and rebalances: its time is mostly the
  machine's): at most 120 s, the time taken in the report.

  @ci-external
  Scenario: A cluster damaged in three ways at once is found damaged and repaired by the check that runs before every scenario
    Given the chat cluster is running and was checked healthy before this scenario
    When worker-2 is disabled behind the suite's back
    And the load balancer takes coordinator-1 out of its rotation after a connection to it fails
    And coordinator-2 is paused behind the suite's back
    And the check that runs before every scenario runs, as it does between two scenarios
    Then it found that coordinator-2 is paused, that worker-2 is not active and that new connections do not reach coordinator-1
    And it repaired all of it within 120 seconds, after which the cluster is checked healthy
