@placement
Feature: Where the chat data is stored
  The chat application's data is split by room into pieces called shards. Each shard is stored on
  two different workers (replication factor 2), never on a coordinator. The three chat tables
  (rooms, room_members, messages) are split the same way, so everything that belongs to one room
  is stored together on the same two workers, and a question about one room is answered by one shard.

  The data used here is the chat demo's sample data (containers/schema/sample-data.sql: 200 rooms,
  2 members and 10 messages each), loaded through the load balancer.

  Background:
    Given the chat cluster is running and was checked healthy before this scenario
    And the chat application holds only the sample data, loaded through the load balancer

  Scenario: Every shard of rooms is stored twice, on two different workers, evenly spread
    # Citus places the two copies of its n-th shard on the n-th and the (n+1)-th worker of its
    # list, round-robin. With 32 shards (Citus's default) that is 64 copies over 4 workers:
    # exactly 16 on each. A worker with 15 or 17 means the placement is no longer even.
    Then the rooms table is split into 32 shards
    And every shard of rooms is stored on exactly 2 different workers and on no coordinator
    And each of the 4 workers stores exactly 16 of the 64 copies of the rooms shards

  Scenario: The rows are spread over all workers and stored exactly twice
    Then every worker stores rows of at least 50 of the 200 sample rooms
    And the demo's claim of "Storage Overhead: 2x replication factor per shard" holds: for each chat table, the rows stored on the workers add up to exactly twice the rows the application sees:
      | table        | rows the application sees | rows stored on the workers |
      | rooms        | 200                       | 400                        |
      | room_members | 400                       | 800                        |
      | messages     | 2000                      | 4000                       |

  @ci-external
  Scenario: The three chat tables are co-located
    Then the chat tables share one co-location group
    And that co-location group has 32 shards, each stored 2 times

  Scenario: Everything of a room is stored on the same two workers
    Then for every sample room, its shards of rooms, room_members and messages are stored on the same 2 workers
    And for 5 sample rooms, the shard tables on those 2 workers hold the room's 1 room row, 2 members and 10 messages
    And the other 2 workers do not store the shards of those 5 sample rooms at all

  @ci-external
  Scenario Outline: A question about one room is answered by one shard through <entry point>
    When the application explains, through <entry point>, a query that joins sample room 1 with its members and messages
    Then the plan sends exactly 1 task to the workers
    But the same join over all rooms sends one task to each of the 32 shards

    Examples:
      | entry point   |
      | coordinator-1 |
      | coordinator-2 |

  # Measured on the workers: each worker's scan counters of the messages shard tables, before and after.
  # Every read is a question about one room (one shard, two copies); Citus chooses the copy. Every shard
  # is read, through one room id that falls in it. With Citus's routing as configured, each shard's
  # reads go to the same one of its two copies, and on this layout no shard prefers worker-4's copy:
  # worker-4 serves none of them. With the busiest worker stopped, the other copies serve every read.
  @faults
  Scenario: Reads of every shard are served on the workers, and the report shows by which copy
    When every shard of the messages table is read 2 times through coordinator-1 and 2 times through coordinator-2, through one room id in each shard
    Then the report shows how many of the reads each worker served, and for each shard whether one copy or both served them
    And the demo's claim of "Read Scaling: All workers can serve read requests" does not hold with Citus's routing as configured, judged by whether every worker served reads through each coordinator
    When the worker that served the most of those reads is stopped
    And every shard of the messages table is read 2 times again through coordinator-1 and 2 times through coordinator-2
    Then the demo's claim of "Read Scaling: All workers can serve read requests" holds with that worker down, judged by whether the other workers served every read
