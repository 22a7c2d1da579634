package io.github.chatcluster.cluster.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** nginx as a TCP load balancer in front of the coordinators, configured by {@code nginx/nginx.conf}. */
public class LoadBalancerContainer extends GenericContainer<LoadBalancerContainer> {

    public static final int PORT = 5432;

    public LoadBalancerContainer(DockerImageName image, String name) {
        super(image);
        withNetworkAliases(name);
        withExposedPorts(PORT);
        waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofSeconds(60)));
        CpuLimit.applyTo(this);
    }

    public LoadBalancerContainer withConfiguration(Path nginxConf) {
        return withCopyFileToContainer(MountableFile.forHostPath(nginxConf, 0644), "/etc/nginx/nginx.conf");
    }
}
