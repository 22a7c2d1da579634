package io.github.chatcluster.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How loaded the machine was over an interval: its load average at the end, and its CPU's busy and kernel shares
 * since the interval began. What a failed time bound prints, so that a slow machine can be told from a slow cluster.
 */
public final class MachineLoad {

    private final Instant began;
    private final Optional<CpuTimes> start;

    private MachineLoad(Instant began, Optional<CpuTimes> start) {
        this.began = began;
        this.start = start;
    }

    /** Starts an interval now. */
    public static MachineLoad from(Instant now) {
        return new MachineLoad(now, CpuTimes.now());
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The 1-minute load average; empty where there is no {@code /proc/loadavg}. */
    public static Optional<Double> loadAverage() {
        try {
            return Optional.of(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The CPU's shares since the interval began; empty where they cannot be read. */
    public Optional<CpuTimes.Share> share() {
        return start.flatMap(s -> CpuTimes.now().map(n -> n.since(s, cores())));
    }

    /** One line: "over the last 63 s: load average 5.2 on 2 cores, CPU 82 % busy, 41 % in the kernel". */
    public String describe() {
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        String load = loadAverage().map(l -> String.format(Locale.ROOT, "load average %.1f on %d cores", l, cores()))
                .orElse(cores() + " cores, load average unknown");
        return "the machine over the last " + seconds + " s: " + load + share().map(s -> ", " + s).orElse("");
    }
}
