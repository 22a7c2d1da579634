package io.github.chatcluster.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import io.github.chatcluster.cluster.embedded.DockerRemoval;
import io.github.chatcluster.cluster.embedded.Images;

/**
 * The two images of the rolling upgrade: {@code -Dcitus.upgrade.from} (CITUS_UPGRADE_FROM, default
 * {@value #DEFAULT_FROM}) and {@code -Dcitus.upgrade.to} (CITUS_UPGRADE_TO, default {@value #DEFAULT_TO}): a Citus
 * major upgrade on the same PostgreSQL. Each image's release is read from the image itself: its environment and its
 * citus.control, copied out of a container that is created and never started, so that a pair that cannot be upgraded
 * is refused before any container starts.
 */
public final class UpgradeImages {

    public static final String FROM_PROPERTY = "citus.upgrade.from";
    public static final String FROM_VARIABLE = "CITUS_UPGRADE_FROM";
    public static final String DEFAULT_FROM = "citusdata/citus:13.2.0";
    public static final String TO_PROPERTY = "citus.upgrade.to";
    public static final String TO_VARIABLE = "CITUS_UPGRADE_TO";
    public static final String DEFAULT_TO = "citusdata/citus:14.0.0-pg17";

    private static final Map<String, CitusRelease> RELEASES = new ConcurrentHashMap<>();

    /** The pair a rolling upgrade runs: checked. */
    public record Pair(CitusRelease from, CitusRelease to) {
        @Override
        public String toString() {
            return from + " to " + to;
        }
    }

    private UpgradeImages() {
    }

    public static DockerImageName from() {
        return DockerImageName.parse(Images.choose(FROM_PROPERTY, FROM_VARIABLE, DEFAULT_FROM));
    }

    public static DockerImageName to() {
        return DockerImageName.parse(Images.choose(TO_PROPERTY, TO_VARIABLE, DEFAULT_TO));
    }

    /** The image that is missing (from first), with how to provide it; null when both are in the local store. */
    public static String missing() {
        for (var choice : java.util.List.of(
                new String[] {from().asCanonicalNameString(), FROM_PROPERTY, FROM_VARIABLE},
                new String[] {to().asCanonicalNameString(), TO_PROPERTY, TO_VARIABLE})) {
            DockerImageName image = DockerImageName.parse(choice[0]);
            if (!Images.isAvailable(image)) {
                return Images.howToProvide(image, choice[1], choice[2]);
            }
        }
        return null;
    }

    /** Both images' releases, or one message saying why this pair cannot be upgraded here. */
    public static Pair checked() {
        CitusRelease from = release(from());
        CitusRelease to = release(to());
        UpgradePath.refusal(from, to).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        return new Pair(from, to);
    }

    /** The release the image holds (read once per run). */
    public static CitusRelease release(DockerImageName image) {
        return RELEASES.computeIfAbsent(image.asCanonicalNameString(), UpgradeImages::read);
    }

    private static CitusRelease read(String image) {
        DockerClient docker = DockerClientFactory.instance().client();
        String pgMajor = java.util.Arrays.stream(docker.inspectImageCmd(image).exec().getConfig().getEnv())
                .filter(e -> e.startsWith("PG_MAJOR=")).map(e -> e.substring("PG_MAJOR=".length())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(image + " sets no PG_MAJOR: it is not a Citus image built on"
                        + " the docker-library postgres image"));
        String control = "/usr/share/postgresql/" + pgMajor + "/extension/citus.control";
        String id = docker.createContainerCmd(image).withEntrypoint("true").withCmd(java.util.List.of())
                .withLabels(Map.of(io.github.chatcluster.cluster.ChatCluster.LABEL, "release-probe",
                        io.github.chatcluster.cluster.embedded.Leftovers.OWNER_LABEL, io.github.chatcluster.cluster.embedded.Leftovers.owner()))
                .exec().getId();
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, control).exec()) {
            return CitusRelease.of(image, Integer.parseInt(pgMajor), firstFileOf(tar))
                    .orElseThrow(() -> new IllegalArgumentException(image + ": " + control + " names no default_version"));
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            throw new IllegalArgumentException(image + " has no " + control + ": it is not a Citus image", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            DockerRemoval.container(id);
        }
    }

    /** The content of the first file of a tar stream (a 512-byte header with the size in octal at offset 124). */
    static String firstFileOf(InputStream tar) throws IOException {
        byte[] header = tar.readNBytes(512);
        if (header.length < 512) {
            throw new IOException("an empty archive");
        }
        long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
        return new String(tar.readNBytes((int) size), StandardCharsets.UTF_8);
    }
}
