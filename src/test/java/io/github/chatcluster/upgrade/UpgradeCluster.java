package io.github.chatcluster.upgrade;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterHolder;
import io.github.chatcluster.cluster.ClusterLauncher;

/**
 * The cluster a rolling-upgrade scenario upgrades: its own, started from the old release with each node's data on a
 * volume of its own, and removed when the scenario ends. Its images are checked first, before any container starts:
 * missing, the same release, a downgrade or another PostgreSQL major version each give one message.
 */
public final class UpgradeCluster {

    private UpgradeCluster() {
    }

    /** Why an upgrade scenario is not run in this run, or null: an external cluster, or (when CI asks so) a missing image. */
    public static String whyNotRun() {
        if (ClusterLauncher.isExternalMode()) {
            return "it upgrades a cluster of its own, started from the old release, and this run uses an external cluster";
        }
        String missing = UpgradeImages.missing();
        if (missing != null && ClusterLauncher.skipsMissingImages()) {
            return "an image of the upgrade is missing: " + missing;
        }
        return null;
    }

    /** Checks the pair of images (one message when they cannot be used), then starts the cluster from the old one. */
    public static ChatCluster start() {
        String missing = UpgradeImages.missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        UpgradeImages.Pair pair = UpgradeImages.checked();
        return ClusterHolder.startOwn(name -> ClusterLauncher.newReplaceableCluster(name,
                org.testcontainers.utility.DockerImageName.parse(pair.from().image())));
    }
}
