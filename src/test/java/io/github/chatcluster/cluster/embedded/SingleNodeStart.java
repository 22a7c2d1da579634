package io.github.chatcluster.cluster.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.testcontainers.utility.DockerImageName;
import io.github.chatcluster.cluster.ChatCluster;

/** One Citus container started alone (no network, no cluster), timed from start to accepting queries. */
public final class SingleNodeStart {

    private final Duration duration;
    private final String citusVersion;

    private SingleNodeStart(Duration duration, String citusVersion) {
        this.duration = duration;
        this.citusVersion = citusVersion;
    }

    public static SingleNodeStart measure(DockerImageName image) {
        try (CitusContainer node = new CitusContainer(image, "single-node").withLabel(ChatCluster.LABEL, "single-node")
                .withCreateContainerCmdModifier(cmd -> cmd.withName(ContainerNames.ofTheRun().next("single-node")))
                .withLabel(Leftovers.OWNER_LABEL, Leftovers.owner())) {
            Instant start = Instant.now();
            node.start();
            Duration took = Duration.between(start, Instant.now());
            try (Connection c = node.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT citus_version()")) {
                rs.next();
                return new SingleNodeStart(took, rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The single node did not answer: " + e.getMessage(), e);
        }
    }

    public Duration duration() {
        return duration;
    }

    public double seconds() {
        return duration.toMillis() / 1000.0;
    }

    public String citusVersion() {
        return citusVersion;
    }
}
