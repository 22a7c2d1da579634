@upgrade
Feature: Upgrading Citus node by node while clients write and read
  Operators upgrade Citus one node at a time, so that the cluster keeps serving: each node's container
  is started again from the new release's image with its own data, the citus extension is updated on
  it (ALTER EXTENSION citus UPDATE), and at the end the upgrade is finished on coordinator-1
  (citus_finish_citus_upgrade). Citus documents the workers first and the coordinators last. Each
  scenario here upgrades a cluster of its own, started from the old release (-Dcitus.upgrade.from,
  default citusdata/citus:13.2.0) to the new one (-Dcitus.upgrade.to, default
  citusdata/citus:14.0.0-pg17): a Citus major upgrade on the same PostgreSQL major version. A pair of
  images that is not an upgrade (the same release, an older one, another PostgreSQL major version, which
  needs pg_upgrade) is refused before any container starts.

  While the nodes restart, clients write and read as in the operations feature: one writer and one
  reader through coordinator-1, one through coordinator-2 and one through the load balancer, a write
  every 100 ms, each failed write retried for up to 20 seconds with the same id. The report shows, for
  part of the upgrade (from a node's restart to the next node's, the requests tried in between included),
  each client's longest time without a success, its failed attempts, its writes given up and the errors
  it met; every acknowledged write is read back exactly once at the end. A request shown "not tried"
  needs the table whose creation was refused just before it.

  Time bounds. On the cluster: no client more than 15 s without a success in each part of the upgrade,
  not counting the time the restarted node's container took to stop and to accept queries again (that
  time is the machine's, and is in the report); the check every scenario starts with passes within
  30 s of the end. Harness wait: the clients go on for at most 30 s until each has succeeded once.

  Background:
    Given the chat cluster is running and was checked healthy before this scenario
    And every node of the cluster runs the old release
    And 40 rooms with 2 members and 3 messages each have been written through the load balancer

  @heavy
  Scenario: A rolling upgrade in Citus's order, each node's extension updated right after its restart, under load
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When each worker in turn is started again from the new release and its extension updated right after
    Then every worker runs the new release, and both coordinators still run the old one
    When each kind of request is tried once
    Then the requests went as follows:
      | request                                                    | outcome | error contains |
      | a read of every room through coordinator-1                 | works   |                |
      | a read inside a transaction block through coordinator-1    | works   |                |
      | a message to each of 8 rooms through coordinator-1         | works   |                |
      | a read of every room through coordinator-2                 | works   |                |
      | a read inside a transaction block through coordinator-2    | works   |                |
      | a message to each of 8 rooms through coordinator-2         | works   |                |
      | a read of every room through load-balancer                 | works   |                |
      | a read inside a transaction block through load-balancer    | works   |                |
      | a message to each of 8 rooms through load-balancer         | works   |                |
      | a new distributed table through coordinator-1              | works   |                |
      | a shard copy to a worker without it, through coordinator-1 | works   |                |
      | a column added to that table through coordinator-1         | works   |                |
      | the metadata synced to coordinator-2 through coordinator-1 | works   |                |
      | that table dropped through coordinator-1                   | works   |                |
    When coordinator-2 is started again from the new release and its extension updated right after
    And each kind of request is tried once
    Then the requests went as follows:
      | request                                                    | outcome | error contains |
      | a read of every room through coordinator-1                 | works   |                |
      | a read inside a transaction block through coordinator-1    | works   |                |
      | a message to each of 8 rooms through coordinator-1         | works   |                |
      | a read of every room through coordinator-2                 | works   |                |
      | a read inside a transaction block through coordinator-2    | works   |                |
      | a message to each of 8 rooms through coordinator-2         | works   |                |
      | a read of every room through load-balancer                 | works   |                |
      | a read inside a transaction block through load-balancer    | works   |                |
      | a message to each of 8 rooms through load-balancer         | works   |                |
      | a new distributed table through coordinator-1              | works   |                |
      | a shard copy to a worker without it, through coordinator-1 | works   |                |
      | a column added to that table through coordinator-1         | works   |                |
      | the metadata synced to coordinator-2 through coordinator-1 | works   |                |
      | that table dropped through coordinator-1                   | works   |                |
    When coordinator-1 is started again from the new release and its extension updated right after
    And the upgrade is finished on coordinator-1
    And the clients go on until each has succeeded once after the end of the upgrade, for at most 30 seconds
    And the clients stop
    Then every node runs the new release: its binaries, its installed extension and citus_version() alike
    And during each part of the upgrade, from a node's restart to the next one's, no client went more than 15 seconds without a success, not counting the time the restarted node's container took to stop and to accept queries again, and the report shows what each client saw in each
    And after the upgrade was finished every client succeeded again
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows
    And within 30 seconds of the end of the upgrade the cluster passes the check every scenario starts with

  @heavy
  Scenario: The extension updates left until every node has restarted on the new release
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When each worker in turn is started again from the new release, no extension updated
    And each kind of request is tried once
    Then the requests went as follows:
      | request                                                    | outcome | error contains                         |
      | a read of every room through coordinator-1                 | works   |                                        |
      | a read inside a transaction block through coordinator-1    | refused | library version differs                |
      | a message to each of 8 rooms through coordinator-1         | refused | library version differs                |
      | a read of every room through coordinator-2                 | works   |                                        |
      | a read inside a transaction block through coordinator-2    | refused | library version differs                |
      | a message to each of 8 rooms through coordinator-2         | refused | library version differs                |
      | a read of every room through load-balancer                 | works   |                                        |
      | a read inside a transaction block through load-balancer    | refused | library version differs                |
      | a message to each of 8 rooms through load-balancer         | refused | library version differs                |
      | a new distributed table through coordinator-1              | refused | failure on connection marked as essential |
      | a shard copy to a worker without it, through coordinator-1 | not tried |                                     |
      | a column added to that table through coordinator-1         | not tried |                                     |
      | the metadata synced to coordinator-2 through coordinator-1 | refused | failure on connection marked as essential |
      | that table dropped through coordinator-1                   | not tried |                                     |
    When coordinator-2, then coordinator-1 is started again from the new release, no extension updated
    And each kind of request is tried once
    Then the requests went as follows:
      | request                                                    | outcome | error contains          |
      | a read of every room through coordinator-1                 | refused | library version differs |
      | a read inside a transaction block through coordinator-1    | refused | library version differs |
      | a message to each of 8 rooms through coordinator-1         | refused | library version differs |
      | a read of every room through coordinator-2                 | refused | library version differs |
      | a read inside a transaction block through coordinator-2    | refused | library version differs |
      | a message to each of 8 rooms through coordinator-2         | refused | library version differs |
      | a read of every room through load-balancer                 | refused | library version differs |
      | a read inside a transaction block through load-balancer    | refused | library version differs |
      | a message to each of 8 rooms through load-balancer         | refused | library version differs |
      | a new distributed table through coordinator-1              | refused | library version differs |
      | a shard copy to a worker without it, through coordinator-1 | not tried |                         |
      | a column added to that table through coordinator-1         | not tried |                         |
      | the metadata synced to coordinator-2 through coordinator-1 | refused | library version differs |
      | that table dropped through coordinator-1                   | not tried |                         |
    When the extension is updated on each worker in turn, then on coordinator-2, then on coordinator-1
    And the upgrade is finished on coordinator-1
    And the clients go on until each has succeeded once after the end of the upgrade, for at most 30 seconds
    And the clients stop
    Then every node runs the new release: its binaries, its installed extension and citus_version() alike
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows
    And within 30 seconds of the end of the upgrade the cluster passes the check every scenario starts with
    And while the extensions lagged behind the binaries every writer met "loaded Citus library version differs from installed extension version", and after the upgrade was finished every client succeeded again
