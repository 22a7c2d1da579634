@performance
Feature: What a second coordinator adds to throughput
  The original demo claims that write throughput "scales linearly with coordinator count", that two
  coordinators reduce contention, and that read performance is "distributed across workers +
  coordinators". These scenarios measure it, each as a designed experiment with the machine to
  itself: the same clients through coordinator-1 alone and spread over both coordinators, in
  blocks of trials in a random order, with an A/A control. They run first in a run of several
  clusters, one after the other, while no other scenario runs. (Whether every worker serves reads is
  in data_placement.feature; writes with 50 ms between the nodes are in network_faults.feature.)

  Background:
    Given the chat cluster is running and was checked healthy before this scenario

  @benchmark @writes
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

  @benchmark @placement
  Scenario: Read throughput through one coordinator and through both
    # The same readers, each on its own session, through coordinator-1 alone (A) and spread over both
    # coordinators (B). The sessions are opened before the trials and have each read every room once,
    # so that a trial of one second measures reads, not the set-up of connections to the workers.
    # A designed experiment: warm-up trials discarded, blocks of four trials in a
    # random ABBA or BAAB order, and the same blocks of coordinator-1 alone against itself (an A/A
    # control). "Distributed" is judged on the 95 % interval of the ratio of reads per second, B over
    # A, each trial taken relative to its block (the machine's speed drifts by a third over a minute of
    # trials, and both arms of a block share it), against a gain that counts: a quarter more reads through both (1.25). Held when all of the
    # interval is at or above it, not held when all of it is below. A gain "beyond the noise" alone
    # cannot be gated: a ratio near 1 then comes out held in some runs and not in others. It does not
    # hold: on this machine both coordinators share the same cores, and the workers do the reading.
    Given the chat application holds only the sample data, loaded through the load balancer
    When the read trials run: 8 readers through coordinator-1 alone against half of them through each coordinator, each reading the latest 20 messages of one sample room after another, 1 second a trial, 2 warm-up trials, then 4 blocks in a random ABBA order, and the same blocks of coordinator-1 alone against itself
    Then the demo's claim of "Read Performance: Distributed across workers + coordinators" does not hold for the coordinators, judged by the interval of the ratio of reads per second through both coordinators to through one: held when all of it is at or above 1.25, not held when all of it is below it
