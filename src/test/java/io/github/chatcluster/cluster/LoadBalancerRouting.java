package io.github.chatcluster.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where new connections through the load balancer go. nginx keeps a coordinator it failed to reach out of its
 * rotation for a while (its passive health check), so a scenario that starts soon after an outage can find a
 * one-coordinator load balancer; {@link #forgetFailures()} ends that at once.
 */
public final class LoadBalancerRouting {

    /** How many new connections a routing probe opens through the load balancer. */
    public static final int PROBES = 6;

    private static final Duration CONNECT = Duration.ofSeconds(3);

    /** Where a few new connections, opened one after another, landed. */
    public record Probe(List<String> landedOn, List<String> errors) {
        public boolean reachesBothCoordinators() {
            return landedOn.contains(ChatCluster.COORDINATOR_1) && landedOn.contains(ChatCluster.COORDINATOR_2);
        }

        /** What is wrong, in one line. */
        public String problem() {
            StringBuilder text = new StringBuilder("new connections through the load balancer do not reach both coordinators: ");
            int tried = landedOn.size() + errors.size();
            for (String coordinator : List.of(ChatCluster.COORDINATOR_1, ChatCluster.COORDINATOR_2)) {
                text.append(landedOn.stream().filter(coordinator::equals).count()).append(" of ").append(tried)
                        .append(" went to ").append(coordinator).append(", ");
            }
            text.append(errors.size()).append(" failed");
            if (!errors.isEmpty()) {
                text.append(" (").append(errors.get(0)).append(')');
            }
            return text.toString();
        }
    }

    private final ChatCluster cluster;

    public LoadBalancerRouting(ChatCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Two new connections through the load balancer opened at once (about half the time of two one after another), then,
     * when they did not reach both coordinators, up to {@code atMost} - 2 more one after another, giving up after
     * {@code failures} failed ones in all.
     */
    public Probe probeTwoAtOnce(int atMost, int failures) {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<String> landedOn = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opened.add(two.submit(() -> {
                    try (Connection c = cluster.loadBalancer().connectOnce(CONNECT, CONNECT)) {
                        return Endpoint.localNodeName(c);
                    }
                }));
            }
            for (java.util.concurrent.Future<String> f : opened) {
                try {
                    landedOn.add(f.get(CONNECT.toSeconds() * 3, java.util.concurrent.TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.add(Text.firstLine(String.valueOf(e.getCause().getMessage())));
                } catch (java.util.concurrent.TimeoutException e) {
                    errors.add("no connection within " + CONNECT.toSeconds() * 3 + " s");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    errors.add("interrupted");
                }
            }
        } finally {
            io.github.chatcluster.waits.BoundedStop.now(two, Duration.ofSeconds(10), "the load balancer's probe");
        }
        Probe first = new Probe(landedOn, errors);
        if (first.reachesBothCoordinators() || errors.size() >= failures || atMost <= 2) {
            return first;
        }
        Probe rest = probe(atMost - 2, failures - errors.size());
        List<String> allLanded = new ArrayList<>(landedOn);
        allLanded.addAll(rest.landedOn());
        List<String> allErrors = new ArrayList<>(errors);
        allErrors.addAll(rest.errors());
        return new Probe(allLanded, allErrors);
    }

    /** Opens up to {@code atMost} new connections through the load balancer, one after another, until both coordinators were reached. */
    public Probe probe(int atMost) {
        return probe(atMost, atMost);
    }

    /** As {@link #probe(int)}, but gives up after {@code failures} failed connections (each can take its whole timeout). */
    public Probe probe(int atMost, int failures) {
        List<String> landedOn = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < atMost; i++) {
            try (Connection c = cluster.loadBalancer().connectOnce(CONNECT, CONNECT)) {
                landedOn.add(Endpoint.localNodeName(c));
            } catch (SQLException | RuntimeException e) {
                errors.add(Text.firstLine(e.getMessage()));
            }
            Probe probe = new Probe(landedOn, errors);
            if (probe.reachesBothCoordinators() || errors.size() >= failures) {
                return probe;
            }
        }
        return new Probe(landedOn, errors);
    }

    /**
     * Makes sure new connections reach both coordinators: if they do not, nginx is made to forget its failed
     * connections, and then they must within 10 s. Returns what was seen and done.
     */
    public String ensureBothCoordinators() {
        Probe probe = probe(PROBES);
        if (probe.reachesBothCoordinators()) {
            return "new connections through the load balancer reached " + probe.landedOn();
        }
        forgetFailures();
        List<Probe> last = new ArrayList<>(List.of(probe));
        try {
            org.awaitility.Awaitility.await("new connections reaching both coordinators").atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .pollInSameThread().until(() -> {
                        last.set(0, probe(PROBES));
                        return last.get(0).reachesBothCoordinators();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Even after nginx was made to forget its failed connections, " + last.get(0).problem());
        }
        return "at first " + probe.problem() + "; after nginx was made to forget its failed connections, they reached "
                + last.get(0).landedOn();
    }

    /** The first new connection that reached a coordinator again: when, and what the clients before it got. */
    public record Return(String coordinator, boolean returned, Duration after, List<String> landedElsewhere, List<String> errors) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s %s after %.1f s; %d new clients before went to %s, %d failed%s",
                    coordinator, returned ? "was reached again" : "was NOT reached again", after.toMillis() / 1000.0,
                    landedElsewhere.size(), new java.util.TreeSet<>(landedElsewhere), errors.size(),
                    errors.isEmpty() ? "" : " (" + errors.get(0) + ")");
        }
    }

    /** New connections, one every quarter second, until one lands on the coordinator or the bound (from {@code since}) is over. */
    public Return awaitReturnOf(String coordinator, java.time.Instant since, Duration bound) {
        List<String> elsewhere = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Duration left = bound.minus(Duration.between(since, java.time.Instant.now()));
        boolean returned;
        try {
            org.awaitility.Awaitility.await(coordinator + " reached through the load balancer")
                    .atMost(left.isNegative() ? Duration.ZERO.plusMillis(1) : left)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).pollInSameThread().until(() -> {
                        try (Connection c = cluster.loadBalancer().connectOnce(CONNECT, CONNECT)) {
                            String node = Endpoint.localNodeName(c);
                            if (!node.equals(coordinator)) {
                                elsewhere.add(node);
                            }
                            return node.equals(coordinator);
                        } catch (SQLException e) {
                            errors.add(Text.firstLine(e.getMessage()));
                            return false;
                        }
                    });
            returned = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            returned = false;
        }
        return new Return(coordinator, returned, Duration.between(since, java.time.Instant.now()), elsewhere, errors);
    }

    /**
     * Makes nginx reload its configuration (SIGHUP, as {@code nginx -s reload} does; it works on any nginx image):
     * the new worker starts with no failed upstream on record.
     */
    public void forgetFailures() {
        cluster.faultDriver().reloadLoadBalancer();
    }
}
