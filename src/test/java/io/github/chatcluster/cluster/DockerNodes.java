package io.github.chatcluster.cluster;

/** How the Docker fault driver finds the nodes: each node's container, and the network they share. */
interface DockerNodes {

    String containerId(String node);

    String networkId();
}
