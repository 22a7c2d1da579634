package io.github.chatcluster.cluster;

import java.util.List;

import org.opentest4j.TestAbortedException;
import io.github.chatcluster.cluster.embedded.Leftovers;
import io.github.chatcluster.cluster.external.ExternalClusterConfig;

/**
 * The clusters of the run: one more than scenarios run at once ({@link ClusterParallelism#clusters()}), each started by the first
 * scenario that finds none free, lent to one scenario at a time and given back when it ends, all removed at the end of
 * the run, also when the JVM is ended early (one shutdown hook; Ryuk is not available everywhere). A cluster that
 * could not be made healthy is removed, and the next scenario that needs one starts a new one, while the others go
 * on. A start-up failure is remembered and reported, with the same single message, by every scenario.
 */
public final class ClusterHolder {

    /** The longest a scenario waits for a free cluster (every scenario is much shorter). */
    private static final java.time.Duration WAIT_FOR_A_CLUSTER = java.time.Duration.ofMinutes(20);

    private static final java.util.List<ChatCluster> ALL = new java.util.ArrayList<>();
    private static final java.util.Deque<ChatCluster> FREE = new java.util.ArrayDeque<>();
    private static final java.util.Map<ChatCluster, String> NAMES = new java.util.IdentityHashMap<>();
    private static int starting;
    private static int named;
    private static int ownNamed;
    private static RuntimeException failure;

    private ClusterHolder() {
    }

    /** Whether the cluster is still one of the run's (not removed). */
    public static synchronized boolean isInUse(ChatCluster cluster) {
        return ALL.contains(cluster);
    }

    /** The cluster's name in the console and the reports: cluster-1, cluster-2, ... (a rebuilt one gets a new number). */
    public static synchronized String nameOf(ChatCluster cluster) {
        return NAMES.getOrDefault(cluster, "cluster-?");
    }

    private static final java.util.Set<ChatCluster> LENT = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** True the first time it is asked of a cluster: its first scenario reports its start-up. */
    public static synchronized boolean firstScenarioOn(ChatCluster cluster) {
        return LENT.add(cluster);
    }

    /**
     * When every cluster of the run started so far was ready, from the moment the first of them began: what N
     * clusters at once cost next to one.
     */
    public static synchronized java.util.Map<String, java.time.Duration> readyTimes() {
        java.util.Map<String, java.time.Duration> ready = new java.util.TreeMap<>();
        ALL.forEach(c -> ready.put(nameOf(c), c.timings().toReady()));
        return ready;
    }

    /** How many clusters this run has started or tried to start (rebuilt ones included; named before they start). */
    public static synchronized int clustersStarted() {
        return named;
    }

    /**
     * A cluster for one scenario, for its whole duration: a free one, or a new one started in the calling thread when
     * fewer than {@link ClusterParallelism#clusters()} exist (so the first scenarios start theirs at the same time).
     */
    public static ChatCluster borrow() {
        long deadline = System.nanoTime() + WAIT_FOR_A_CLUSTER.toNanos();
        String name;
        synchronized (ClusterHolder.class) {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (!FREE.isEmpty()) {
                    return FREE.pop();
                }
                if (ALL.size() + starting < ClusterParallelism.clusters()) {
                    starting++;
                    name = "cluster-" + (++named);
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no cluster became free within " + WAIT_FOR_A_CLUSTER.toMinutes() + " minutes");
                }
                try {
                    ClusterHolder.class.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a cluster", e);
                }
            }
        }
        ChatCluster cluster = null;
        try {
            cluster = started(ClusterLauncher.newCluster(name), name);
        } catch (RuntimeException e) {
            synchronized (ClusterHolder.class) {
                starting--;
                if (!(e instanceof TestAbortedException)) {
                    System.err.println("\n*** " + String.valueOf(e.getMessage()).replace("\n", "\n    ") + "\n");
                }
                failure = e;
                ClusterHolder.class.notifyAll();
            }
            throw e;
        }
        synchronized (ClusterHolder.class) {
            starting--;
            ClusterHolder.class.notifyAll();
        }
        return cluster;
    }

    /** The clusters a scenario started for itself ({@link #startOwn}): never lent to another scenario. */
    private static final java.util.Set<ChatCluster> OWN = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * A cluster of the scenario's own (the rolling upgrade's, started from another image): started now in the calling
     * thread, named own-cluster-N, lent to no other scenario, removed when the scenario gives it back, and like every
     * other cluster at the end of the run or on Ctrl-C whatever happened.
     */
    public static ChatCluster startOwn(java.util.function.Function<String, ChatCluster> newCluster) {
        String name;
        synchronized (ClusterHolder.class) {
            name = "own-cluster-" + (++ownNamed);
        }
        ChatCluster cluster = newCluster.apply(name);
        synchronized (ClusterHolder.class) {
            OWN.add(cluster);
        }
        return started(cluster, name);
    }

    /** A scenario is done with its cluster (its faults ended): the next scenario may have it; a scenario's own is removed. */
    public static void giveBackOrRemove(ChatCluster cluster) {
        boolean own;
        synchronized (ClusterHolder.class) {
            own = OWN.remove(cluster);
            if (own) {
                ALL.remove(cluster);
            }
        }
        if (own) {
            remove(cluster);
        } else {
            giveBack(cluster);
        }
    }

    /** A scenario is done with its cluster (its faults ended): the next scenario may have it. */
    public static synchronized void giveBack(ChatCluster cluster) {
        if (ALL.contains(cluster) && !FREE.contains(cluster)) {
            FREE.push(cluster);
            ClusterHolder.class.notifyAll();
        }
    }

    /**
     * Removes a cluster that could not be repaired: the next scenario that needs one starts a new one instead of
     * failing in a cascade; the scenarios on the other clusters go on.
     */
    public static void discard(ChatCluster cluster) {
        synchronized (ClusterHolder.class) {
            if (!ALL.remove(cluster)) {
                return;
            }
            FREE.remove(cluster);
            boolean own = OWN.remove(cluster); // a scenario's own cluster: removed once, here, not again when given back
            System.err.println("\n*** " + nameOf(cluster) + " could not be made healthy: it is removed" + (own ? "." : ", and the"
                    + " next scenario that needs a cluster starts a new one.") + "\n");
            ClusterHolder.class.notifyAll();
        }
        remove(cluster);
    }

    /**
     * The JVM ends before the run did (Ctrl-C, SIGTERM): everything the run started is removed at once, fast (Surefire
     * halts the fork a few seconds after Maven's shutdown), then each cluster's own stop tidies what is left.
     */
    private static void interrupted() {
        boolean clustersLeft;
        synchronized (ClusterHolder.class) {
            clustersLeft = !ALL.isEmpty() || !STARTING.isEmpty();
        }
        if (clustersLeft && !"external".equalsIgnoreCase(System.getProperty(ExternalClusterConfig.MODE_PROPERTY, "embedded"))) {
            try {
                Leftovers.removeEverythingOfThisRun();
            } catch (RuntimeException e) {
                System.err.println("could not remove this run's containers at once: " + e.getMessage());
            }
        }
        shutdown();
    }

    /** The clusters no scenario holds now (at the end of the run: every cluster still in use). */
    public static synchronized java.util.List<ChatCluster> idle() {
        return java.util.List.copyOf(FREE);
    }

    /** Closes the suite's sessions on the cluster, then stops it (removes what the suite started). */
    private static void remove(ChatCluster cluster) {
        NodeSessions.release(cluster);
        cluster.stop();
    }

    /** Removes every cluster of the run, in parallel. */
    public static void shutdown() {
        java.util.List<ChatCluster> clusters;
        synchronized (ClusterHolder.class) {
            clusters = new java.util.ArrayList<>(ALL);
            ALL.clear();
            FREE.clear();
        }
        for (ChatCluster starting : java.util.List.copyOf(STARTING)) {
            if (STARTING.remove(starting)) {
                clusters.add(starting); // interrupted while it started: what it started goes too
            }
        }
        // each cluster on a thread of its own (not the common pool: one thread on 2 cores), at most two minutes
        java.util.List<Thread> stopping = clusters.stream().map(c -> new Thread(() -> remove(c), "removing " + nameOf(c))).toList();
        stopping.forEach(Thread::start);
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        for (Thread t : stopping) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Starts the cluster; it is stopped at the end of the run (the shutdown hook), or at once when the start fails. */
    private static final java.util.concurrent.atomic.AtomicBoolean HOOK = new java.util.concurrent.atomic.AtomicBoolean();

    /** Clusters whose start is under way: a Ctrl-C then removes what they started too. */
    private static final java.util.Set<ChatCluster> STARTING = java.util.Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());

    private static ChatCluster started(ChatCluster cluster, String name) {
        if (!HOOK.getAndSet(true)) { // one hook for the run: it removes whichever clusters there are then
            Runtime.getRuntime().addShutdownHook(new Thread(ClusterHolder::interrupted, "chat-cluster-cleanup"));
        }
        STARTING.add(cluster);
        try {
            cluster.start();
        } catch (RuntimeException e) {
            if (STARTING.remove(cluster)) {
                remove(cluster);
            }
            throw e;
        }
        synchronized (ClusterHolder.class) {
            STARTING.remove(cluster);
            ALL.add(cluster);
            NAMES.put(cluster, name);
        }
        return cluster;
    }
}
