package io.github.chatcluster.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU time the whole machine has spent so far, by kind, in clock ticks: the first line of Linux's
 * {@code /proc/stat}. Two readings tell how busy the machine was between them, and how much of it in the kernel.
 */
public record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** The machine's times now; empty where there is no {@code /proc/stat} (not Linux). */
    public static Optional<CpuTimes> now() {
        try {
            return Files.readAllLines(PROC_STAT).stream().filter(l -> l.startsWith("cpu ")).findFirst().map(CpuTimes::parse);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal ...} */
    static CpuTimes parse(String line) {
        String[] f = line.strip().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1 < f.length ? Long.parseLong(f[i + 1]) : 0;
        }
        return new CpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }

    /** What the machine did from {@code earlier} to this reading. */
    public Share since(CpuTimes earlier, int cores) {
        double total = Math.max(1, total() - earlier.total());
        double idleShare = ((idle - earlier.idle) + (iowait - earlier.iowait)) / total;
        double kernel = ((system - earlier.system) + (irq - earlier.irq) + (softirq - earlier.softirq)) / total;
        double stolen = (steal - earlier.steal) / total;
        return new Share(1 - idleShare, kernel, stolen, idleShare * cores);
    }

    /** Shares of the machine's whole CPU time (all cores) over an interval, and the cores that were idle on average. */
    public record Share(double busy, double kernel, double stolen, double idleCores) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CPU %.0f %% busy, %.0f %% in the kernel%s", busy * 100, kernel * 100,
                    stolen >= 0.005 ? String.format(Locale.ROOT, ", %.0f %% stolen by the host", stolen * 100) : "");
        }
    }
}
