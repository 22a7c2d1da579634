package io.github.chatcluster.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When the cluster's start-up phases ended, for the report. */
public class ClusterTimings {

    private Instant started;
    private Instant templateReady;
    private Instant containersReady;
    private Instant formed;
    private Instant schemaDeployed;
    private Instant ready;

    public void started() { started = Instant.now(); }
    public void templateReady() { templateReady = Instant.now(); }
    public void containersReady() { containersReady = Instant.now(); }
    public void formed() { formed = Instant.now(); }
    public void schemaDeployed() { schemaDeployed = Instant.now(); }
    public void ready() { ready = Instant.now(); }

    public Duration toReady() {
        return Duration.between(started, ready);
    }

    /** From the start of the test JVM (the Failsafe fork) to the ready cluster. */
    public Duration sinceJvmStart() {
        return Duration.between(Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()), ready);
    }

    /** From the start of the Maven build (mvn verify), when Maven passed it on; else empty. */
    public Optional<Duration> sinceBuildStart() {
        String started = System.getProperty("build.started", "");
        try {
            return started.isBlank() ? Optional.empty()
                    : Optional.of(Duration.between(Instant.parse(started), ready));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String summary() {
        if (templateReady == null) {
            // a cluster the suite did not start: checked, then given the chat schema
            return String.format(java.util.Locale.ROOT, "external cluster ready in %.1f s: endpoints, shape and data checked %.1f s, chat schema deployed %.1f s,"
                    + " load balancer checked %.1f s", seconds(started, ready), seconds(started, formed), seconds(formed, schemaDeployed),
                    seconds(schemaDeployed, ready));
        }
        return String.format(java.util.Locale.ROOT, "cluster ready in %.1f s: one node initialised as the template %.1f s, "
                        + "six copies and the load balancer started in parallel %.1f s, "
                        + "cluster formed %.1f s, chat schema deployed %.1f s, load balancer checked %.1f s",
                seconds(started, ready), seconds(started, templateReady), seconds(templateReady, containersReady),
                seconds(containersReady, formed),
                seconds(formed, schemaDeployed), seconds(schemaDeployed, ready));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
