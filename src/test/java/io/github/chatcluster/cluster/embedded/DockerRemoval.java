package io.github.chatcluster.cluster.embedded;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;

/** Forced removal of what a run made in Docker: already gone is fine, any other failure is reported and returns false. */
public final class DockerRemoval {

    private DockerRemoval() {
    }

    /** Removes the container (running or not) with its anonymous volumes. */
    public static boolean container(String id) {
        try {
            DockerClientFactory.instance().client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            System.err.println("could not remove container " + id + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Removes the containers at the same time, each on a thread of its own (a parallel stream would use the common
     * pool, one thread on a 2-core machine: a run killed with 40 containers would be stopped before it removed them),
     * waiting at most a minute.
     */
    public static void containers(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(16, ids.size()));
        try {
            ids.forEach(id -> pool.submit(() -> container(id)));
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.err.println("some of " + ids.size() + " containers were not removed within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes a named volume (its containers must be gone first). */
    public static boolean volume(String name) {
        try {
            DockerClientFactory.instance().client().removeVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            System.err.println("could not remove volume " + name + ": " + e.getMessage());
            return false;
        }
    }

    public static boolean image(String nameOrId) {
        try {
            DockerClientFactory.instance().client().removeImageCmd(nameOrId).withForce(true).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            System.err.println("could not remove image " + nameOrId + ": " + e.getMessage());
            return false;
        }
    }
}
