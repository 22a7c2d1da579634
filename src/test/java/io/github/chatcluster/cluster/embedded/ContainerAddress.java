package io.github.chatcluster.cluster.embedded;

import java.util.Map;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.GenericContainer;

import io.github.chatcluster.cluster.Endpoint;

/**
 * Where a container of the suite is reached from the test JVM: its host and the host port Docker mapped to its
 * port. The port is read from Docker again after any restart in its cluster ({@link Ports#mayHaveChanged}), since
 * a restarted container gets a new one.
 */
final class ContainerAddress implements Endpoint.Address {

    /** One per cluster: changes whenever a node of that cluster may have got new host ports. */
    static final class Ports {
        private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

        void mayHaveChanged() {
            generation.incrementAndGet();
        }
    }

    private final String name;
    /** The node's container now: a node recreated from another image has a new one ({@link NodeReplacements}). */
    private final java.util.function.Supplier<GenericContainer<?>> container;
    private final int containerPort;
    private final Ports ports;
    private volatile int cachedPort;
    private volatile long cachedGeneration = -1;

    ContainerAddress(String name, GenericContainer<?> container, int containerPort, Ports ports) {
        this(name, () -> container, containerPort, ports);
    }

    ContainerAddress(String name, java.util.function.Supplier<GenericContainer<?>> container, int containerPort, Ports ports) {
        this.name = name;
        this.container = container;
        this.containerPort = containerPort;
        this.ports = ports;
    }

    @Override
    public String host() {
        return container.get().getHost();
    }

    @Override
    public int port() {
        long generation = ports.generation.get();
        if (cachedGeneration != generation) {
            cachedPort = readPort();
            cachedGeneration = generation;
        }
        return cachedPort;
    }

    private int readPort() {
        Map<ExposedPort, com.github.dockerjava.api.model.Ports.Binding[]> bindings = container.get().getCurrentContainerInfo()
                .getNetworkSettings().getPorts().getBindings();
        com.github.dockerjava.api.model.Ports.Binding[] binding = bindings.get(ExposedPort.tcp(containerPort));
        if (binding == null || binding.length == 0) {
            throw new IllegalStateException(name + " has no published port: it is not running");
        }
        return Integer.parseInt(binding[0].getHostPortSpec());
    }
}
