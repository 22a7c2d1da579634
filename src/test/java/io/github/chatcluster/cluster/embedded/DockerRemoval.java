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
