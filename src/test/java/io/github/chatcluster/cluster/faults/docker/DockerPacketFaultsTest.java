package io.github.chatcluster.cluster.faults.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerPacketFaultsTest {

    @Test
    void theImageTagHashesTheDirectorysFilesInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hold-packets.py"), "b");
        Files.writeString(dir.resolve("Dockerfile"), "a");
        // sha256("ab"), as .ci/setup computes it: cat of the files in name order (LC_ALL=C), then sha256sum
        assertThat(FaultInjectorImage.contentHash(dir)).isEqualTo("fb8e20fc2e4c");
    }

    @Test
    void theFaultsInForceAreNamedFromTheRuleComments() {
        String rules = """
                -P INPUT ACCEPT
                -A INPUT -s 172.18.0.3/32 ! -i lo -m comment --comment "chat-fault:cut:worker-3" -j DROP
                -A OUTPUT -d 172.18.0.3/32 ! -o lo -m comment --comment "chat-fault:cut:worker-3" -j DROP
                -A INPUT ! -i lo -m comment --comment "chat-fault:silent-death" -j DROP
                """;
        assertThat(DockerPacketFaults.faultNames(rules)).isEqualTo("cut:worker-3, silent-death");
    }

    @Test
    void theRulesInForceAreEveryRuleButTheChainsPolicies() {
        assertThat(DockerPacketFaults.rules("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n")).isEmpty();
        assertThat(DockerPacketFaults.rules("-P INPUT ACCEPT\n-A INPUT -s 10.0.0.9/32 -j DROP\n"))
                .as("a rule without the suite's comment counts too").isEqualTo("-A INPUT -s 10.0.0.9/32 -j DROP");
    }
}
