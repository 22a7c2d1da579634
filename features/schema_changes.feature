@schema
Feature: Changing the schema while both coordinators serve: columns, indexes and new tables
  Users of this topology change its schema more often than anything else: a column, an index, a new table such as
  reactions. Here each change runs through coordinator-1 while clients write and read: one writer and one reader
  through coordinator-1, one through coordinator-2 and one through the load balancer, each on its own connection, a
  write every 100 ms, every failed write retried for up to 20 seconds with the same id (as in cluster operations). For
  each change the report gives how long it took, how it ended, and each client's longest time without a success and
  failed attempts while it ran. Every acknowledged write is read back exactly once, and both copies of every shard
  compared, at the end. Each scenario gives back the schema it found, also when it fails.

  What this cluster does, as found on it:
  - A schema change of a distributed table runs through coordinator-1, which applies it to coordinator-2 and to every
    shard in the same transaction: coordinator-2 shows it as soon as coordinator-1 has answered.
  - coordinator-2 refuses ALTER TABLE, CREATE INDEX (also CONCURRENTLY), create_distributed_table and DROP TABLE of
    a distributed table: XX000 "operation is not allowed on this node". It accepts DROP INDEX of a distributed
    table's index and applies it on every node. It accepts CREATE TABLE, and the table then exists on coordinator-2
    alone (a local table of that node).
  - A column added with a default that is not a constant (now()) holds, for the rows already there, a different value
    on each copy of a shard: each copy is altered in its own transaction.
  - lock_timeout set in the operator's session bounds only the waits on coordinator-1. A change that waits on another
    node, behind a transaction that reads the table there, waits until that transaction ends, and every client of the
    table, through either coordinator, waits behind it. Set with SET LOCAL in a transaction with
    citus.propagate_set_commands = local, it reaches every node: the change is refused (55P03) after the timeout, and
    every client waits about that long (at least 1 s is what the scenario asks).
  - CREATE INDEX CONCURRENTLY that loses a worker leaves the index invalid on coordinator-1, absent on coordinator-2,
    and built or invalid on the shards of the workers it reached. DROP INDEX CONCURRENTLY IF EXISTS through
    coordinator-1 removes it everywhere (without IF EXISTS, as found by hand, Citus refuses the drop where a shard
    lacks the index). The
    check before every scenario finds an invalid index, or an index on one coordinator only, and drops it that way.
  The check before every scenario also finds every table of schema public that is not distributed by the room id and
  co-located with rooms, a reference table, or a local table a feature names (none does).

  Time bounds. On the cluster: no client more than 10 s without a success while a change runs that takes no lock
  another transaction holds. The waits behind the long transaction are stated in the scenario as ranges around the
  transaction's length (15 s) and the lock timeout (2 s). Harness waits: a schema change answers within 2 minutes (a
  change interrupted by a killed worker within 60 s); a transaction held open has its locks within 10 s; an index
  build is seen on a worker within 30 s.

  Background:
    Given the chat cluster is running and was checked healthy before this scenario
    And 40 rooms with 2 members and 3 messages each have been written through the load balancer

  Scenario: A column with a default is added to messages, and dropped again, while clients write and read
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When the operator runs through coordinator-1:
      """
      ALTER TABLE messages ADD COLUMN edited_at timestamptz DEFAULT now()
      """
    Then it succeeded
    And both coordinators show the column edited_at of messages, and a query of it answers through coordinator-1, coordinator-2 and the load balancer
    When the operator runs through coordinator-1:
      """
      ALTER TABLE messages DROP COLUMN edited_at
      """
    Then it succeeded
    And neither coordinator shows the column edited_at of messages
    When the clients stop
    Then the report shows, for each schema change, how long it took, how it ended, and each client's longest time without a success and failed attempts while it ran
    And no client went more than 10 seconds without a success, and the report shows what each client saw
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows

  Scenario: An index is built concurrently on messages, and dropped concurrently, while clients write and read
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When the operator runs through coordinator-1:
      """
      CREATE INDEX CONCURRENTLY messages_sender ON messages (sender_id)
      """
    Then it succeeded
    And the index messages_sender is valid on both coordinators and on both copies of every shard of messages
    When the operator runs through coordinator-1:
      """
      DROP INDEX CONCURRENTLY messages_sender
      """
    Then it succeeded
    And no node holds the index messages_sender
    When the clients stop
    Then the report shows, for each schema change, how long it took, how it ended, and each client's longest time without a success and failed attempts while it ran
    And no client went more than 10 seconds without a success, and the report shows what each client saw
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows

  Scenario: A new table, reactions, is created, distributed with the rooms, written to through every entry point and dropped, while clients write and read
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When the operator runs through coordinator-1:
      """
      CREATE TABLE reactions (room_id bigint NOT NULL, user_id bigint NOT NULL, emoji text NOT NULL,
                              PRIMARY KEY (room_id, user_id, emoji))
      """
    Then it succeeded
    And the check before every scenario, looking at the schema, finds "the table reactions exists on one coordinator only"
    When the operator runs through coordinator-1:
      """
      SELECT create_distributed_table('reactions', 'room_id', colocate_with => 'rooms')
      """
    Then it succeeded
    And both coordinators show reactions as distributed by room_id and co-located with rooms
    When clients add a reaction to every room through coordinator-1, coordinator-2 and the load balancer
    Then every acknowledged reaction is stored exactly once, read through coordinator-1 and through coordinator-2
    And both copies of every shard of reactions hold the same rows
    When the operator runs through coordinator-1:
      """
      DROP TABLE reactions
      """
    Then it succeeded
    And neither coordinator has the table reactions
    When the clients stop
    Then the report shows, for each schema change, how long it took, how it ended, and each client's longest time without a success and failed attempts while it ran
    And no client went more than 10 seconds without a success, and the report shows what each client saw
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows

  Scenario: A reference table is created and read in a join through both coordinators, while clients write and read
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    When the operator runs through coordinator-1:
      """
      CREATE TABLE room_types (id int PRIMARY KEY, label text NOT NULL)
      """
    And the operator runs through coordinator-1:
      """
      SELECT create_reference_table('room_types')
      """
    Then it succeeded
    And both coordinators show room_types as a reference table
    When the operator runs through coordinator-1:
      """
      INSERT INTO room_types VALUES (1, 'direct'), (2, 'group')
      """
    Then this query answers through coordinator-1, coordinator-2 and the load balancer:
      """
      SELECT t.label, count(*) FROM rooms r JOIN room_types t ON t.id = r.room_type GROUP BY t.label
      """
    When the operator runs through coordinator-1:
      """
      DROP TABLE room_types
      """
    Then it succeeded
    And neither coordinator has the table room_types
    When the clients stop
    Then the report shows, for each schema change, how long it took, how it ended, and each client's longest time without a success and failed attempts while it ran
    And no client went more than 10 seconds without a success, and the report shows what each client saw
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows

  Scenario: A column added with DEFAULT now() holds, for the rows already there, a different value on each copy of a shard
    # PostgreSQL evaluates such a default once, at the ALTER, and keeps it for the rows already there. Citus alters
    # each copy of a shard in a transaction of its own on its worker, so each copy keeps the time of its own ALTER,
    # and reads served by one copy or the other see different values. (The lock_timeout scenarios below add a column
    # with a constant default, and their copies are alike.)
    When the operator runs through coordinator-1:
      """
      ALTER TABLE messages ADD COLUMN edited_at timestamptz DEFAULT now()
      """
    Then it succeeded
    And the two copies of at least one shard of messages differ, and only in the column edited_at

  Scenario Outline: coordinator-2 refuses the schema changes of distributed tables: <change>
    When the operator runs through coordinator-2:
      """
      <statement>
      """
    Then it was refused with SQLSTATE XX000

    Examples:
      | change                       | statement                                                                   |
      | a new column                 | ALTER TABLE messages ADD COLUMN edited_at timestamptz DEFAULT now()         |
      | an index                     | CREATE INDEX messages_sender ON messages (sender_id)                        |
      | an index built concurrently  | CREATE INDEX CONCURRENTLY messages_sender ON messages (sender_id)           |
      | a table distributed          | SELECT create_distributed_table('room_members', 'user_id')                  |
      | a distributed table dropped  | DROP TABLE room_members                                                     |

  Scenario: A table created through coordinator-2, or created through coordinator-1 and left undistributed, exists on that coordinator alone, and the check before every scenario names it
    When the operator runs through coordinator-2:
      """
      CREATE TABLE drafts (room_id bigint NOT NULL, user_id bigint NOT NULL, body text, PRIMARY KEY (room_id, user_id))
      """
    Then it succeeded
    And the check before every scenario, looking at the schema, finds "the table drafts exists on one coordinator only (coordinator-1: absent; coordinator-2: a local table"
    When the operator runs through coordinator-1:
      """
      CREATE TABLE read_receipts (room_id bigint NOT NULL, user_id bigint NOT NULL, read_at timestamptz, PRIMARY KEY (room_id, user_id))
      """
    Then it succeeded
    And the check before every scenario, looking at the schema, finds "the table read_receipts exists on one coordinator only (coordinator-1: a local table"

  Scenario: coordinator-2 accepts DROP INDEX of a distributed table's index, and drops it on every node
    When the operator runs through coordinator-1:
      """
      CREATE INDEX CONCURRENTLY messages_sender ON messages (sender_id)
      """
    And the operator runs through coordinator-2:
      """
      DROP INDEX messages_sender
      """
    Then it succeeded
    And no node holds the index messages_sender

  Scenario Outline: A column added behind a transaction that reads messages through coordinator-2, with lock_timeout 2 s set <where>
    Given clients write and read through coordinator-1, coordinator-2 and the load balancer
    And a transaction through coordinator-2 has read the first room's messages and stays open for 15 seconds
    When the operator runs through coordinator-1, with lock_timeout 2 s set <where>:
      """
      ALTER TABLE messages ADD COLUMN edited boolean NOT NULL DEFAULT false
      """
    Then it <outcome>
    And while it waited, every client went at least <waited> seconds without a success
    When the clients stop
    Then the report shows, for each schema change, how long it took, how it ended, and each client's longest time without a success and failed attempts while it ran
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows

    Examples:
      | where                                                               | outcome                                        | waited |
      | in the operator's session                                           | succeeded after 10 to 20 seconds               | 10     |
      | on every node, with SET LOCAL and citus.propagate_set_commands      | was refused with SQLSTATE 55P03 after 2 to 5 seconds | 1 |

  @faults
  Scenario: An index built concurrently loses a worker: what it leaves behind, how the check finds it and how it repairs it
    Given a transaction through coordinator-2 has written a message to the first room and stays open for 20 seconds
    When the operator starts through coordinator-1, and a worker that stores the first room is killed while the index is built:
      """
      CREATE INDEX CONCURRENTLY messages_sender ON messages (sender_id)
      """
    Then it was refused because the worker went away: SQLSTATE 08006 with coordinator-1's error naming the worker that was killed, or 57P01 relayed from that worker's server
    And the index messages_sender is left invalid on coordinator-1, absent on coordinator-2, and invalid on at least one shard of a worker that stayed up
    When the worker that was killed while the index was built is started again
    Then the check before every scenario, looking at the schema, finds "coordinator-1 holds an invalid index: messages_sender"
    When the check that runs before every scenario runs, as it does between two scenarios
    Then it dropped the index messages_sender through coordinator-1, after which the cluster is checked healthy
    When the operator runs through coordinator-1:
      """
      CREATE INDEX CONCURRENTLY messages_sender ON messages (sender_id)
      """
    Then it succeeded
    And the index messages_sender is valid on both coordinators and on both copies of every shard of messages
