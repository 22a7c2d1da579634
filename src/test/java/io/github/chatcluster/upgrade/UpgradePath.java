package io.github.chatcluster.upgrade;

import java.util.Optional;

/**
 * Whether a rolling upgrade from one image to another is one the upgrade feature can run: a newer Citus release on the
 * same PostgreSQL major version. Every other pair is refused before any container starts, with one message.
 */
public final class UpgradePath {

    private UpgradePath() {
    }

    /** Why the pair cannot be upgraded here; empty when it can. */
    public static Optional<String> refusal(CitusRelease from, CitusRelease to) {
        if (from.postgresMajor() != to.postgresMajor()) {
            return Optional.of("The upgrade from " + from + " to " + to + " changes the PostgreSQL major version: that needs"
                    + " pg_upgrade, which this feature does not do. Choose images of the same PostgreSQL major version"
                    + " (-Dcitus.upgrade.from=..., -Dcitus.upgrade.to=...).");
        }
        int order = from.compareTo(to);
        if (order == 0) {
            return Optional.of("The upgrade from " + from + " to " + to + " is no upgrade: both install the citus extension " + from.citusVersion()
                    + " (a patch release changes only the binaries; this feature upgrades the extension). Choose an older release to upgrade from (-Dcitus.upgrade.from=...).");
        }
        if (order > 0) {
            return Optional.of("The upgrade from " + from + " to " + to + " goes back to an older Citus release: Citus has no"
                    + " downgrade. Choose a newer release to upgrade to (-Dcitus.upgrade.to=...).");
        }
        return Optional.empty();
    }
}
