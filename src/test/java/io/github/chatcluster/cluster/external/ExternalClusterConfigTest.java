package io.github.chatcluster.cluster.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import io.github.chatcluster.cluster.Endpoint;

class ExternalClusterConfigTest {

    private static final Path FILE = Path.of("staging.properties");

    private static Properties properties(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    private static final String ENDPOINTS = """
            load-balancer = lb.staging:5432
            coordinator-1 = c1.staging:5432
            coordinator-2 = c2.staging:5432
            worker-1 = w1.staging:5432
            worker-2 = w2.staging:5432
            worker-3 = w3.staging:5432
            worker-4 = w4.staging:5432
            """;

    @Test
    void readsTheEndpointsAndTakesThePasswordFromTheEnvironment() throws IOException {
        ExternalClusterConfig config = ExternalClusterConfig.parse(FILE, properties(ENDPOINTS + "user = chat\n"),
                Map.of("CHAT_CLUSTER_PASSWORD", "s3cret")::get, null);
        assertThat(config.endpoints()).hasSize(7).containsEntry("worker-3", new ExternalClusterConfig.HostPort("w3.staging", 5432));
        assertThat(config.credentials()).isEqualTo(new Endpoint.Credentials("chat", "s3cret", "postgres"));
        assertThat(config.faults()).isEqualTo(io.github.chatcluster.cluster.faults.DriverKind.NONE);
    }

    @Test
    void listsEveryMistakeInOneMessage() throws IOException {
        assertThatThrownBy(() -> ExternalClusterConfig.parse(FILE, properties("""
                load-balancer = lb.staging
                coordinator-1 = c1.staging:5432
                worker-5 = w5.staging:5432
                password = in-the-file
                faults = kubectl
                """), Map.<String, String>of()::get, null))
                .hasMessageContaining("staging.properties is not usable")
                .hasMessageContaining("load-balancer = lb.staging is not host:port")
                .hasMessageContaining("no endpoint for coordinator-2")
                .hasMessageContaining("\"worker-5\" is not a setting")
                .hasMessageContaining("the file holds a password")
                .hasMessageContaining("CHAT_CLUSTER_PASSWORD (password.variable) is not set")
                .hasMessageContaining("the fault driver \"kubectl\" is unknown: use one of [docker, none]");
    }

    @Test
    void theDockerDriverNeedsEveryContainer() throws IOException {
        assertThatThrownBy(() -> ExternalClusterConfig.parse(FILE, properties(ENDPOINTS + "docker.container.worker-1 = w1\n"),
                Map.of("CHAT_CLUSTER_PASSWORD", "x")::get, "docker"))
                .hasMessageContaining("the docker fault driver needs the container of coordinator-1 (docker.container.coordinator-1 = <name>)");
    }

    @Test
    void aSpareWorkerIsOptionalAndMustBeHostAndPort() throws IOException {
        ExternalClusterConfig without = ExternalClusterConfig.parse(FILE, properties(ENDPOINTS), Map.of("CHAT_CLUSTER_PASSWORD", "x")::get, null);
        assertThat(without.spare()).isEmpty();
        ExternalClusterConfig with = ExternalClusterConfig.parse(FILE, properties(ENDPOINTS + "spare.worker-5 = w5.staging:6432\n"),
                Map.of("CHAT_CLUSTER_PASSWORD", "x")::get, null);
        assertThat(with.spare()).contains(new ExternalClusterConfig.HostPort("w5.staging", 6432));
        assertThat(with.endpoints()).doesNotContainKey("worker-5");
        assertThatThrownBy(() -> ExternalClusterConfig.parse(FILE, properties(ENDPOINTS + "spare.worker-5 = w5.staging\n"),
                Map.of("CHAT_CLUSTER_PASSWORD", "x")::get, null)).hasMessageContaining("spare.worker-5 = w5.staging is not host:port");
    }
}
