package io.github.chatcluster.cluster.embedded;

import java.util.Locale;
import java.util.Optional;

import org.testcontainers.containers.GenericContainer;

/**
 * The slow-machine switch: {@code -Dcluster.cpus=0.5} (or {@code CLUSTER_CPUS=0.5}) limits every container the
 * suite starts to that many CPUs (Docker's {@code --cpus}), so that a slow CI runner can be reproduced on any
 * machine. Unset, the containers have no limit.
 */
public final class CpuLimit {

    public static final String PROPERTY = "cluster.cpus";
    public static final String VARIABLE = "CLUSTER_CPUS";

    private CpuLimit() {
    }

    /** The limit asked for, if any; a value that is not a positive number is one clear error. */
    public static Optional<Double> cpus() {
        return parse(Images.choose(PROPERTY, VARIABLE, ""));
    }

    static Optional<Double> parse(String setting) {
        String value = setting.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            double cpus = Double.parseDouble(value);
            if (cpus > 0 && cpus <= Runtime.getRuntime().availableProcessors() * 4.0) {
                return Optional.of(cpus);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not a CPU limit: give a positive number"
                + " of CPUs per container, for example -D" + PROPERTY + "=0.5, or leave it unset for no limit.");
    }

    /** Puts the limit, if one was asked for, on the container. */
    public static <T extends GenericContainer<T>> T applyTo(T container) {
        cpus().ifPresent(cpus -> container.withCreateContainerCmdModifier(
                cmd -> cmd.getHostConfig().withNanoCPUs(Math.round(cpus * 1_000_000_000L))));
        return container;
    }

    /** For reports: "no CPU limit" or "0.5 CPUs per container". */
    public static String describe() {
        return cpus().map(c -> String.format(Locale.ROOT, "%s CPUs per container (-D%s)", c, PROPERTY))
                .orElse("no CPU limit per container");
    }
}
