package io.github.chatcluster.cluster.embedded;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of the containers a run starts, after the run, the cluster and the role: {@code chat-<run>-c2-worker-3}
 * is worker-3 of cluster-2, {@code chat-<run>-c2-faults-worker-3} the fault injector in its network namespace. The run's
 * mark is new for each JVM, so that two runs on one machine never clash; a name given twice in a cluster (a node
 * started again from another image) gets a number. The labels stay what they were: they, not the names, are what the
 * suite finds its containers by.
 */
public final class ContainerNames {

    /** This run's mark: six hex digits, new for each JVM. */
    public static final String RUN = String.format(Locale.ROOT, "%06x", new SecureRandom().nextInt(1 << 24));

    private static final ContainerNames OF_THE_RUN = new ContainerNames("chat-" + RUN + "-", true);

    private final String prefix;
    private final Set<String> given = new HashSet<>();

    /** The names of one cluster's containers, from its name in the reports (cluster-2 gives c2, own-cluster-1 own1). */
    public ContainerNames(String clusterName) {
        this("chat-" + RUN + "-" + tag(clusterName) + "-", true);
    }

    private ContainerNames(String prefix, boolean unused) {
        this.prefix = prefix;
    }

    /** The names of the run's containers that belong to no cluster: {@code chat-<run>-single-node} (the calibration's). */
    public static ContainerNames ofTheRun() {
        return OF_THE_RUN;
    }

    static String tag(String clusterName) {
        return clusterName.replaceFirst("^own-cluster-", "own").replaceFirst("^cluster-", "c");
    }

    /** The name of the next container in this role: the role alone the first time, then numbered. */
    public synchronized String next(String role) {
        String name = prefix + role;
        for (int n = 2; !given.add(name); n++) {
            name = prefix + role + "-" + n;
        }
        return name;
    }
}
