package io.github.chatcluster.cluster.embedded;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.PullImageResultCallback;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The images of the system under test. Defaults are the official images users pull; a system
 * property or an environment variable chooses another one. Testcontainers' own
 * {@code hub.image.name.prefix} setting (or TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX) adds a
 * registry mirror in front of Docker Hub names.
 */
public final class Images {

    public static final String DEFAULT_CITUS = "citusdata/citus:14.0.0";
    public static final String DEFAULT_NGINX = "nginx:1.30";

    private Images() {
    }

    public static DockerImageName citus() {
        return DockerImageName.parse(choose("citus.image", "CITUS_IMAGE", DEFAULT_CITUS));
    }

    public static DockerImageName nginx() {
        return DockerImageName.parse(choose("nginx.image", "NGINX_IMAGE", DEFAULT_NGINX));
    }

    public static String choose(String property, String variable, String fallback) {
        return nonBlank(System.getProperty(property))
                .or(() -> nonBlank(System.getenv(variable)))
                .orElse(fallback);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** True when the image is in the local store, or could be pulled within a short bound. */
    public static boolean isAvailable(DockerImageName image) {
        DockerClient docker = DockerClientFactory.instance().client();
        String name = image.asCanonicalNameString();
        try {
            docker.inspectImageCmd(name).exec();
            return true;
        } catch (NotFoundException notLocal) {
            try {
                return docker.pullImageCmd(image.getUnversionedPart()).withTag(image.getVersionPart())
                        .exec(new PullImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException pullFailed) {
                return false;
            }
        }
    }

    public static String howToProvide(DockerImageName image, String property, String variable) {
        return "The image " + image.asCanonicalNameString() + " is not in the local Docker store and cannot be pulled. "
                + "Pull it (docker pull " + image.asCanonicalNameString() + "), load or build an image under that name, "
                + "or choose another image with -D" + property + "=<image> or " + variable + "=<image>. "
                + "Behind a registry mirror, set TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX=<mirror>/ (see docs/images.md).";
    }
}
