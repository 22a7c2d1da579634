package io.github.chatcluster.cluster.faults.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.cluster.embedded.Images;

/** The fault injector's image, tagged with a hash of containers/fault-injector, built when that version is not there. */
final class FaultInjectorImage {

    public static final String BASE_PROPERTY = "fault-injector.base";
    public static final String BASE_VARIABLE = "FAULT_INJECTOR_BASE";
    private static final String REPOSITORY = "chat-cluster/fault-injector";

    private final Path dockerfileDir;
    private final DockerClient docker = DockerClientFactory.instance().client();

    FaultInjectorImage(Path dockerfileDir) {
        this.dockerfileDir = dockerfileDir;
    }

    synchronized String ensure() {
        String tag = REPOSITORY + ":" + contentHash(dockerfileDir);
        if (!docker.listImagesCmd().withImageNameFilter(tag).exec().isEmpty()) {
            return tag;
        }
        String base = Images.choose(BASE_PROPERTY, BASE_VARIABLE, "");
        var build = docker.buildImageCmd(dockerfileDir.toFile()).withTags(Set.of(tag));
        if (!base.isBlank()) {
            build.withBuildArg("BASE", base);
        }
        try {
            build.start().awaitImageId(10, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The fault injector image " + tag + " could not be built from "
                    + dockerfileDir + " (base " + (base.isBlank() ? "debian:trixie-slim" : base) + "): "
                    + Text.firstLine(e.getMessage()) + ". Give a Debian base image you have with -D"
                    + BASE_PROPERTY + "=... (or " + BASE_VARIABLE + "), or build it ahead with `bash .ci/setup`.", e);
        }
        return tag;
    }

    /** The hash of the directory's files, concatenated in name order (as .ci/setup computes it). */
    static String contentHash(Path dir) {
        try (var files = Files.list(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
