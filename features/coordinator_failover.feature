@faults @failover
Feature: Losing a coordinator
  The load balancer only hands NEW connections to a live coordinator. A client whose connection
  was on the coordinator that died sees that connection break and must reconnect. Schema changes
  (DDL) only run on coordinator-1. Every write in these scenarios carries an id made by the client,
  so a write whose outcome is unknown is resolved by reading it back, and retried without harm.

  A coordinator that comes back must recover its two-phase commits before it writes again: after a
  restart its new sessions can reuse a transaction id that Citus still has on record from before
  (the container's process ids repeat), and a write then fails with "duplicate key value violates
  unique constraint pg_dist_transaction_unique_constraint" until Citus's own recovery has run (every
  minute by default). Seen on this cluster; so the operator runs recover_prepared_transactions().

  Time bounds, all on the cluster (the scenario holds its share of the machine while it measures): a
  write within 5 s of the fault, coordinator-1 reached again within 20 s, a read within 5 s, the demo's
  5 s failover, writes refused after 4 to 10 s, a cancelled write still unanswered after 10 s. Login and
  socket timeouts, retries, bursts and quiet minutes are the clients' settings, not bounds.

  Background:
    Given the chat cluster is running and was checked healthy before this scenario
    And 5 rooms with 2 members and 3 messages each have been written through the load balancer

  @ci-external
  Scenario Outline: coordinator-1 is <how>: the load balancer moves new clients to coordinator-2, and back when it returns
    # nginx drops a coordinator from its rotation when a connection to it fails, and when its name stops
    # resolving (Docker removes a stopped container's name). A connection nginx is making to the dead
    # coordinator at the moment its name disappears is not retried on the other one (seen here with the same
    # nginx configuration in front of two plain TCP servers): one client right after the stop can get a failed
    # attempt. Every client after that lands on coordinator-2.
    Given the load balancer has both coordinators in its rotation
    When coordinator-1 is <how>
    And a client tries a new room through the load balancer, again and again, until one is stored
    Then the first room was stored within 5 seconds of the fault
    When 10 new clients connect through the load balancer, one after another
    Then all of them landed on coordinator-2, with at most 1 failed connection attempt among them
    When a client writes a new room with its 2 members and 3 messages through coordinator-2
    Then the room, its members and its messages are read back through coordinator-2
    When a client tries a schema change through coordinator-2
    Then it is refused with "operation is not allowed on this node"
    When coordinator-1 is started again and has recovered its two-phase commits
    Then new clients through the load balancer reach coordinator-1 again within 20 seconds
    When a client tries a schema change through coordinator-1
    Then it succeeds
    And every acknowledged write is visible through coordinator-1, coordinator-2 and the load balancer
    And both copies of every shard of every distributed table hold the same rows

    Examples:
      | how              |
      | stopped cleanly  |
      | killed           |

  Scenario: coordinator-1 refuses connections: every new client is retried on coordinator-2, and coordinator-1 is taken back
    # The coordinator's name still resolves, but its port answers every new connection with a reset at once
    # (a server that is restarting, a closed port). nginx tries the other coordinator for the same client,
    # so no client sees a failed attempt. nginx then keeps coordinator-1 out of its rotation for a while
    # after it accepts connections again (seen here: about 12 s); clients must reach it again within 20 s.
    Given the load balancer has both coordinators in its rotation
    When coordinator-1 refuses new connections
    And 10 new clients connect through the load balancer, one after another
    Then all of them landed on coordinator-2, with at most 0 failed connection attempts among them
    When a client writes a new room with its 2 members and 3 messages through the load balancer
    Then the room, its members and its messages are read back through the load balancer
    When coordinator-1 accepts connections again
    Then new clients through the load balancer reach coordinator-1 again within 20 seconds

  Scenario: coordinator-2 is stopped: reads go on, but no room or message can be written
    # Citus takes a lock on the "first worker" before every write to a table with replication
    # factor 2: the active node outside group 0 with the smallest name, here coordinator-2.
    # While it is down no coordinator can write to the chat tables, and schema changes fail too.
    When coordinator-2 is stopped cleanly
    Then a read through the load balancer succeeds within 5 seconds of the fault
    And coordinator-1 still reads every acknowledged write
    When a client tries a new room and a new message through coordinator-1
    Then the demo's claim of "Zero Single Points of Failure" does not hold while coordinator-2 is down, judged by whether every write the clients tried was acknowledged
    And the demo's claim of "Independent Failure Domains: One coordinator can fail without affecting the other" does not hold while coordinator-2 is down, judged by whether every write the clients tried was acknowledged
    And both are refused with "coordinator-2", and neither is stored
    When a client tries a schema change through coordinator-1
    Then it is refused
    When coordinator-2 is started again and has recovered its two-phase commits
    And a client writes a new room with its 2 members and 3 messages through coordinator-1
    Then the room, its members and its messages are read back through coordinator-1
    And every acknowledged write is visible through coordinator-1, coordinator-2 and the load balancer
    And both copies of every shard of every distributed table hold the same rows

  @ci-external
  Scenario: coordinator-1 hangs: the load balancer does not notice, and the clients it sends there get no answer
    # A hung (paused) coordinator still completes TCP handshakes in the kernel, so nginx counts every
    # connection to it as a success and keeps sending it new clients: there is no failover for a hung
    # coordinator. Clients need a login timeout of their own; coordinator-2 itself is not affected.
    # With coordinator-2 in nginx's rotation, about half of the new clients land there; with it out of the
    # rotation (shortly after an outage of its own) none would: so the scenario first makes sure it is in.
    Given the load balancer has both coordinators in its rotation
    When coordinator-1 is paused
    And 10 new clients connect through the load balancer, each with a login timeout of 2 seconds
    Then the demo's claim of "Failover Time: < 5 seconds via Nginx health checks" does not hold for a hung coordinator, judged by whether every new client through the load balancer got a session
    And the demo's claim of "Automatic Failover: Nginx detects coordinator failures" does not hold for a hung coordinator, judged by whether every new client through the load balancer got a session
    And at least 3 of them got no answer, and every other landed on coordinator-2
    When a client writes a new room with its 2 members and 3 messages through coordinator-2
    Then the room, its members and its messages are read back through coordinator-2

  Scenario: coordinator-2 hangs: new sessions on coordinator-1 fail their writes after 5 seconds, pooled sessions just wait
    # A hung (paused) coordinator-2 still completes TCP handshakes. Every write to the chat tables first
    # takes a lock on coordinator-2 (Citus's "first worker"). A new session gives up on it after
    # citus.node_connection_timeout (5 s here). A session that has written before keeps its connection
    # to coordinator-2 and waits for the answer with no limit of its own; even a cancel from the client
    # does not end the wait (seen here: the cancelled write answered after about 130 s).
    Given a client with a pooled session on coordinator-1 that has written a room
    When coordinator-2 is paused
    And the pooled session sends its next write, which the client cancels after 5 seconds
    Then that write still has no answer 10 seconds after it was sent
    When a client tries a new room through a new session on coordinator-1
    Then the demo's claim of "Zero Single Points of Failure" does not hold while coordinator-2 is hung, judged by whether every write the clients tried was acknowledged
    And it is refused after 4 to 10 seconds with "coordinator-2"

  Scenario Outline: A client on the coordinator that is <how> sees a clear error and resolves its write
    # A clean stop ends every session with "terminating connection due to administrator command"
    # (57P01). When the coordinator is killed, its sessions usually still say "terminating connection
    # due to unexpected postmaster exit" (57P01 too); when they die first, the client only sees the
    # connection drop (08006). The COMMIT's outcome is unknown either way, so the client reads back.
    Given a client connected through the load balancer to coordinator-1, in the middle of writing a message
    When coordinator-1 is <how>
    And the client commits
    Then its connection broke during COMMIT with SQLSTATE <sqlstate>, so it cannot know whether its write happened
    When the client reconnects through the load balancer and writes its message again with the same id
    Then the message is stored exactly once, read through coordinator-2 and the load balancer and on both copies of its shard
    When coordinator-1 is started again and has recovered its two-phase commits
    Then every acknowledged write is visible through coordinator-1, coordinator-2 and the load balancer
    And both copies of every shard of every distributed table hold the same rows

    Examples:
      | how             | sqlstate       |
      | stopped cleanly | 57P01          |
      | killed          | 57P01 or 08006 |

  Scenario: A write storm through the load balancer while coordinator-1 is killed
    # Right after a coordinator dies, nginx may still hand it a new connection (or, having just
    # seen a timeout, briefly mark both coordinators down): the clients retry connecting for up to
    # 3 seconds, and write again, with the same client-made id, a write whose outcome they did not
    # learn. A write that coordinator-1 had already prepared on the workers when it died stays in
    # doubt: its prepared transaction keeps the row locked and only coordinator-1 can finish it (seen
    # on this cluster). A new attempt waits on that lock, so each attempt is bounded by a statement
    # timeout of 5 s; such a write is resolved once coordinator-1 is back. The lock can hold up another
    # client too (Citus serialises the writes to a shard with two copies, on coordinator-2): seen once with
    # three clusters on 2 cores, such a client's write was refused when its 10 s of retries ran out, and
    # it did not happen.
    When 6 clients write through the load balancer for 12 seconds, reconnecting and retrying with the same ids for up to 10 seconds after an error, while coordinator-1 is killed after 3 seconds
    And coordinator-1 is started again and has recovered its two-phase commits
    And the clients write every write still in doubt again, with the same id, through the load balancer
    Then every write the clients saw acknowledged is stored exactly once, and none they were told was refused
    And both copies of every shard of every distributed table hold the same rows
    And every write the clients were told was refused ran out of its statement timeout, SQLSTATE 57014, waiting on a lock of the killed coordinator's transaction
    And the report shows how many writes had an unknown outcome and how they were resolved

  @heavy
  Scenario: Failover time over several trials
    # The original demo claims failover "in under 5 seconds via Nginx health checks".
    # Each trial's clock starts before the stop is sent (a clean stop takes part of the time), and
    # the verdict uses the slowest of the clients. The scenario takes two places on the machine
    # (@heavy): the bound, 5 s, is about four times what the slowest client takes (about 1.3 s).
    When coordinator-1 is stopped and started again 3 times, measuring each time how long until each of 5 clients writes through the load balancer again
    Then the report shows, for each trial, when the first and when the last client wrote again
    And the demo's claim of "Failover Time: < 5 seconds via Nginx health checks" holds for a stopped coordinator, judged by the slowest client of the worst trial
    And the demo's claim of "Automatic Failover: Nginx detects coordinator failures" holds for a stopped coordinator, judged by the slowest client of the worst trial

  # Planned maintenance, as for a configuration change: each coordinator restarted cleanly (a clean stop,
  # a start, its two-phase commits recovered), in turn, twice each, while one writer and one reader work
  # through the load balancer, each failed write retried for up to 20 seconds with the same id. Each
  # restart is a trial, from its start until the next one begins. A write attempt refused during a
  # restart is a stopped write, even when its retry later succeeded. The claim does not hold:
  # coordinator-2 is Citus's first worker, and every write to the replicated chat tables takes a lock
  # there, so while it restarts every write is refused, whichever coordinator it went through.
  Scenario: Planned maintenance: coordinator-1, then coordinator-2, restarted cleanly while clients write and read through the load balancer
    Given clients write and read through the load balancer
    When coordinator-1 and coordinator-2 are restarted cleanly in turn, 2 times each, as for a configuration change, each time until it has recovered its two-phase commits
    And the clients stop
    Then the report shows, for each restart, the write attempts refused, the writes retried to success, the writes given up or unknown and each client's longest time without a success
    And the demo's claim of "Zero Downtime: Maintenance on one coordinator doesn't stop writes" does not hold, judged over every restart: any refused write attempt, or a writer 5 seconds without a success, stops writes
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows

  # The demo's "Application #1" and "Application #2", as Java applications connect: each a HikariCP pool of
  # 100 sessions (Hikari's defaults, a 10 s bound on borrowing a session) through the load balancer, all
  # writing at once in bursts, with quiet minutes between them. A session whose coordinator died is found
  # broken when it is borrowed again; what the pool then does is in the report.
  # A write to a table with two copies of each shard needs, on its coordinator, a connection to each
  # worker of the shard, and on coordinator-1 one to coordinator-2 too (the first worker, where Citus
  # takes its lock). Citus opens them at the session's first write and keeps one per node. In a burst of
  # new (cold) sessions, some 500 such TLS connections open at once; on a small machine many take longer
  # than the cluster's connection timeout (citus.node_connection_timeout, 5 s), and the write is refused
  # with SQLSTATE 08006 ("connection to the remote node postgres@coordinator-2:5432 failed", "could not
  # establish any connections to the node worker-N after 5000 ms"). The pool then drops that session, and
  # its replacement is cold again. So the first burst, of cold sessions, is reported, not judged; then
  # every session writes to each room, ten at a time, and the claim is judged on the bursts of those
  # warm sessions with no fault: it holds, every write of them is acknowledged (their kept connections
  # outlive the quiet minutes, and a slow link too: network_faults.feature). The bursts during and
  # after coordinator-1's outage, whose sessions the pool replaced, are reported.
  @heavy
  Scenario: Two applications with 100 pooled sessions each write at once through the load balancer, with quiet minutes between bursts, through coordinator-1's outage and back
    Given two applications, each with a pool of 100 sessions through the load balancer, all open
    When both applications send a burst: every session writes a message and reads its room's latest messages, all at once
    And every session of both applications writes to each room once, 10 sessions at a time, in rounds until one has no failure
    And both applications send a burst: every session writes a message and reads its room's latest messages, all at once
    And both applications stay quiet for 60 seconds
    And both applications send a burst: every session writes a message and reads its room's latest messages, all at once
    And coordinator-1 stops cleanly while the applications are quiet
    And both applications send a burst: every session writes a message and reads its room's latest messages, all at once
    And coordinator-1 is started again while the applications are quiet, and has recovered its two-phase commits
    And both applications stay quiet for 60 seconds
    And both applications send a burst: every session writes a message and reads its room's latest messages, all at once
    Then the report shows, for each burst, what the sessions saw: writes acknowledged, failures by SQLSTATE, the longest wait for a session, and the pools before and after
    And the demo's claim of "Concurrent Writes: Multiple applications write simultaneously" holds, judged by whether every write of the bursts of warm sessions with no fault was acknowledged
    And the report shows how many sessions were found broken in the bursts after a quiet stretch with no fault, and what the cluster refused in them
    And every acknowledged write is stored exactly once
    And both copies of every shard of every distributed table hold the same rows
