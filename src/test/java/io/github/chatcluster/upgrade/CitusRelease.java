package io.github.chatcluster.upgrade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Citus image holds, as the image itself says: the PostgreSQL major version ({@code PG_MAJOR} of its
 * environment, set by the docker-library postgres images) and the version of the citus extension it installs
 * ({@code default_version} of its citus.control, e.g. {@code 14.0-1}).
 */
public record CitusRelease(String image, int postgresMajor, int citusMajor, int citusMinor) implements Comparable<CitusRelease> {

    private static final Pattern EXTENSION = Pattern.compile("default_version\\s*=\\s*'(\\d+)\\.(\\d+)");

    /** The release from the image's PostgreSQL major version and its citus.control; empty when the file names no version. */
    public static Optional<CitusRelease> of(String image, int postgresMajor, String citusControl) {
        Matcher ext = EXTENSION.matcher(citusControl);
        if (!ext.find()) {
            return Optional.empty();
        }
        return Optional.of(new CitusRelease(image, postgresMajor, Integer.parseInt(ext.group(1)), Integer.parseInt(ext.group(2))));
    }

    @Override
    public int compareTo(CitusRelease other) {
        return citusMajor != other.citusMajor ? Integer.compare(citusMajor, other.citusMajor) : Integer.compare(citusMinor, other.citusMinor);
    }

    /** The extension version this release installs, major.minor ("14.0"). */
    public String citusVersion() {
        return citusMajor + "." + citusMinor;
    }

    @Override
    public String toString() {
        return image + " (Citus " + citusVersion() + ", PostgreSQL " + postgresMajor + ")";
    }
}
