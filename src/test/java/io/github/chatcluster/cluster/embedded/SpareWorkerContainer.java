package io.github.chatcluster.cluster.embedded;

import java.util.function.Supplier;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SpareWorker;

/**
 * The suite's own spare worker: a new Citus node from the cluster's node template, on the cluster network under the
 * name {@value SpareWorker#NAME}, started when a scenario asks for it and removed (with its data) when it is released.
 * It carries the run's labels, so a run that is killed leaves nothing the next run does not remove.
 */
final class SpareWorkerContainer implements SpareWorker {

    private final Supplier<CitusContainer> newContainer;
    private final ContainerAddress.Ports ports;
    private CitusContainer container;
    private Endpoint endpoint;

    SpareWorkerContainer(Supplier<CitusContainer> newContainer, ContainerAddress.Ports ports) {
        this.newContainer = newContainer;
        this.ports = ports;
    }

    @Override
    public synchronized Endpoint provide() {
        if (container != null && !container.isRunning()) {
            release();
        }
        if (container == null) {
            CitusContainer started = newContainer.get();
            container = started;
            try {
                started.start();
            } catch (RuntimeException e) {
                release();
                throw new IllegalStateException(NAME + " (the spare worker) did not start: " + e.getMessage(), e);
            }
            endpoint = new Endpoint(NAME, new ContainerAddress(NAME, started, CitusContainer.PORT, ports), CitusContainer.CREDENTIALS);
        }
        return endpoint;
    }

    @Override
    public synchronized boolean isProvided() {
        return container != null && container.isRunning();
    }

    @Override
    public synchronized Endpoint endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException(NAME + " (the spare worker) is not running: a step must start it first");
        }
        return endpoint;
    }

    /** The container's id, when one was started (for the fault driver and the removal of the cluster). */
    synchronized String containerId() {
        return container == null ? null : container.getContainerId();
    }

    @Override
    public synchronized void release() {
        if (container != null && container.getContainerId() != null) {
            DockerRemoval.container(container.getContainerId());
        }
        container = null;
        endpoint = null;
    }
}
