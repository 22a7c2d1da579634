package io.github.chatcluster.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The run's machine-speed figure, measured once before the first scenario and printed first: the cores idle while
 * nothing of the run is started yet ({@link #IDLE_SAMPLE}), and the best of {@link #NODE_STARTS} starts of one Citus
 * node alone, to ready. {@link MachineCapacity} turns them into how many scenarios run at once.
 */
public record Calibration(int cores, double idleCores, OptionalDouble nodeStartSeconds, List<Double> nodeStarts,
                          String notMeasured, double availableGib, MachineCapacity capacity, Duration took) {

    static final Duration IDLE_SAMPLE = Duration.ofMillis(1500);
    static final int NODE_STARTS = 2;

    /**
     * Measures the machine; {@code nodeStart} starts one node and returns how long it took (it may throw: no Docker,
     * no image; the run is then calibrated without it, as a slow machine).
     */
    public static Calibration measure(Supplier<Duration> nodeStart) {
        Instant began = Instant.now();
        int cores = MachineLoad.cores();
        double idle = idleCores(cores);
        List<Double> starts = new ArrayList<>();
        String notMeasured = "";
        for (int i = 0; i < NODE_STARTS && notMeasured.isEmpty(); i++) {
            try {
                starts.add(nodeStart.get().toMillis() / 1000.0);
            } catch (RuntimeException e) {
                notMeasured = "one node could not be started (" + e.getMessage() + ")";
            }
        }
        OptionalDouble best = starts.stream().mapToDouble(Double::doubleValue).min();
        double gib = machineAvailableGib();
        return new Calibration(cores, idle, best, List.copyOf(starts), notMeasured, gib,
                MachineCapacity.decide(cores, idle, best, gib), Duration.between(began, Instant.now()));
    }

    /** The cores idle on average over {@link #IDLE_SAMPLE} (all of them where /proc/stat cannot be read). */
    static double idleCores(int cores) {
        return CpuTimes.now().map(start -> {
            long until = System.nanoTime() + IDLE_SAMPLE.toNanos();
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(until - System.nanoTime()); // a sample of the machine, not a wait for a condition
            }
            return CpuTimes.now().map(end -> end.since(start, cores).idleCores()).orElse((double) cores);
        }).orElse((double) cores);
    }

    /** MemAvailable of /proc/meminfo (Linux), else what the JVM can see of the machine's free memory. */
    static double machineAvailableGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: below
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getFreeMemorySize() / 1024.0 / 1024.0 / 1024.0;
        }
        return MachineCapacity.GIB_FOR_THE_REST + MachineCapacity.GIB_PER_CLUSTER;
    }

    /** The machine-speed figure: one node alone, to ready (best of the starts), in seconds; NaN when not measured. */
    public double speedFigure() {
        return nodeStartSeconds.orElse(Double.NaN);
    }

    /** One line, printed first on the console and kept in summary.txt. */
    public String describe() {
        String starts = nodeStarts.isEmpty() ? "not measured: " + notMeasured
                : String.format(Locale.ROOT, "%.1f s (best of %s s)", speedFigure(), nodeStarts.stream()
                        .map(s -> String.format(Locale.ROOT, "%.1f", s)).toList());
        return String.format(Locale.ROOT, "Machine calibration: one Citus node alone ready in %s; %.2f of %d cores idle; "
                + "%.1f GiB available -> %d scenario(s) at once, a heavy one takes %d place(s) (%s; measured in %.1f s)",
                starts, idleCores, cores, availableGib, capacity.scenariosAtOnce(), capacity.heavyWeight(), capacity.why(),
                took.toMillis() / 1000.0);
    }
}
