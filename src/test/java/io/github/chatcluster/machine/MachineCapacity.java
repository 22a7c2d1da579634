package io.github.chatcluster.machine;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How many scenarios a machine can run at once without its load showing in the scenarios' time bounds, decided
 * from what the calibration measured: the cores that were idle before the run, and how long one Citus node alone
 * took to be ready (a start is mostly container set-up in the kernel and {@code initdb}, the work that was slow on
 * an overloaded machine).
 *
 * <p>The rule: {@code floor(idle cores × speed × 1.5)} (a core counts as idle when at least 3/4 of it was idle) scenarios at once, where speed is
 * {@link #REFERENCE_NODE_START_SECONDS} over the measured start (at most 1); at least 1, at most {@link #AT_MOST} and
 * one per {@link #GIB_PER_CLUSTER} GiB available beyond {@link #GIB_FOR_THE_REST}. A machine that could not be
 * calibrated counts as half as fast. A heavy scenario takes {@link #HEAVY} places (or all there are).
 *
 * <p>Measured: the suite's time bounds were set on a 2-core machine whose node started in 1.5–2.4 s; three clusters
 * there took 0.55 of one's time. A machine of the same kind whose node took 4.5 s ran three clusters no faster than
 * one (1581 s against 1530 s), with four scenarios over their bounds against one.
 */
public record MachineCapacity(int scenariosAtOnce, int heavyWeight, String why) {

    /** One Citus node alone, to ready, on the machine the bounds were set on (its slowest start). */
    public static final double REFERENCE_NODE_START_SECONDS = 2.4;
    static final double SCENARIOS_PER_CORE = 1.5;
    static final int AT_MOST = 4;
    static final int HEAVY = 2;
    static final double GIB_PER_CLUSTER = 1.5;
    static final double GIB_FOR_THE_REST = 2.0;
    static final double UNCALIBRATED_SPEED = 0.5;

    public static MachineCapacity decide(int cores, double idleCores, OptionalDouble nodeStartSeconds, double availableGib) {
        double usable = wholeIdleCores(cores, idleCores);
        double speed = nodeStartSeconds.isPresent()
                ? Math.min(1.0, REFERENCE_NODE_START_SECONDS / Math.max(0.1, nodeStartSeconds.getAsDouble()))
                : UNCALIBRATED_SPEED;
        int byCpu = (int) Math.floor(usable * speed * SCENARIOS_PER_CORE + 1e-9);
        int clustersByMemory = (int) Math.floor((availableGib - GIB_FOR_THE_REST) / GIB_PER_CLUSTER);
        // scenarios side by side need a cluster more than places (ClusterParallelism.clusters)
        int byMemory = clustersByMemory >= 3 ? clustersByMemory - 1 : 1;
        int atOnce = Math.max(1, Math.min(AT_MOST, Math.min(byCpu, byMemory)));
        String why = String.format(Locale.ROOT, "%.0f of %d cores idle × speed %.2f (one node ready in %s against %.1f s) × %.1f = %d%s",
                usable, cores, speed, nodeStartSeconds.isPresent() ? String.format(Locale.ROOT, "%.1f s", nodeStartSeconds.getAsDouble())
                        : "an unmeasured time", REFERENCE_NODE_START_SECONDS, SCENARIOS_PER_CORE, byCpu,
                byMemory < byCpu ? String.format(Locale.ROOT, "; %.1f GiB available allow %d", availableGib, byMemory) : "");
        return new MachineCapacity(atOnce, Math.min(HEAVY, atOnce), why);
    }

    /** The cores counted idle: whole cores, each counted when at least 3/4 of it was idle; at least one. */
    static int wholeIdleCores(int cores, double idleCores) {
        return Math.max(1, Math.min(cores, (int) Math.floor(idleCores + 0.25 + 1e-9)));
    }

    /** The places a scenario takes at the machine gate: all of them alone, {@link #heavyWeight} when heavy, else one. */
    public int weightOf(boolean alone, boolean heavy) {
        return alone ? scenariosAtOnce : heavy ? heavyWeight : 1;
    }

    /** A capacity given by the user ({@code -Dcluster.parallel=N}): N at once, heavy ones still take two places. */
    public static MachineCapacity given(int scenariosAtOnce, String why) {
        return new MachineCapacity(scenariosAtOnce, Math.min(HEAVY, scenariosAtOnce), why);
    }
}
