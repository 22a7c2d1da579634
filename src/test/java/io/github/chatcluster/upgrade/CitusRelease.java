package io.github.chatcluster.upgrade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Citus image holds, as its own files say: the PostgreSQL major version ({@code postgres --version}) and the
 * version of the citus extension it installs ({@code default_version} of citus.control, e.g. {@code 14.0-1}).
 */
public record CitusRelease(String image, int postgresMajor, int citusMajor, int citusMinor) implements Comparable<CitusRelease> {

    private static final Pattern POSTGRES = Pattern.compile("PostgreSQL\\)\\s+(\\d+)");
    private static final Pattern EXTENSION = Pattern.compile("default_version\\s*=\\s*'(\\d+)\\.(\\d+)");

    /** Reads the release from the output of {@code postgres --version} and the line of citus.control; empty when either is missing. */
    public static Optional<CitusRelease> parse(String image, String probeOutput) {
        Matcher pg = POSTGRES.matcher(probeOutput);
        Matcher ext = EXTENSION.matcher(probeOutput);
        if (!pg.find() || !ext.find()) {
            return Optional.empty();
        }
        return Optional.of(new CitusRelease(image, Integer.parseInt(pg.group(1)), Integer.parseInt(ext.group(1)),
                Integer.parseInt(ext.group(2))));
    }

    /** The shell command that prints what {@link #parse} reads, run in the image with its entrypoint replaced. */
    public static final String PROBE = "postgres --version; grep default_version /usr/share/postgresql/*/extension/citus.control";

    @Override
    public int compareTo(CitusRelease other) {
        return citusMajor != other.citusMajor ? Integer.compare(citusMajor, other.citusMajor) : Integer.compare(citusMinor, other.citusMinor);
    }

    public String citusVersion() {
        return citusMajor + "." + citusMinor;
    }

    @Override
    public String toString() {
        return image + " (Citus " + citusVersion() + ", PostgreSQL " + postgresMajor + ")";
    }
}
