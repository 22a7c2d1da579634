package io.github.chatcluster.cluster.external;

import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.cluster.SpareWorker;

/**
 * The spare worker a cluster file names ({@code spare.worker-5 = host:port}): a node that runs already, which the
 * suite only adds to the cluster and removes again. "Provided" means a scenario uses it now.
 */
final class ExternalSpareWorker implements SpareWorker {

    private final Endpoint endpoint;
    private volatile boolean provided;

    ExternalSpareWorker(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Endpoint provide() {
        provided = true;
        return endpoint;
    }

    @Override
    public boolean isProvided() {
        return provided;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void release() {
        provided = false;
    }
}
