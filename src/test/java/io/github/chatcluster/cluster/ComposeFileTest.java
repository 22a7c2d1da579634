package io.github.chatcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import io.github.chatcluster.cluster.embedded.CitusContainer;

/**
 * containers/compose.yaml starts the topology from the same files the suite uses: these checks keep the two from
 * drifting apart (a file the suite reads that compose does not mount, a kernel setting repeated differently).
 */
class ComposeFileTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));
    private static final Path COMPOSE = PROJECT.resolve("containers/compose.yaml");

    @Test
    void mountsTheFilesTheSuiteUses() throws IOException {
        String compose = Files.readString(COMPOSE);
        assertThat(compose).contains(
                "./citus/citus-cluster.conf:/etc/citus-cluster/citus-cluster.conf",
                "./citus/form-cluster.sql:",
                "./schema:/schema",
                "../nginx/nginx.conf:/etc/nginx/nginx.conf");
        try (var scripts = Files.list(PROJECT.resolve("containers/citus/initdb"))) {
            scripts.map(script -> script.getFileName().toString()).forEach(script -> assertThat(compose)
                    .as("compose.yaml mounts the init script %s on its own (a mounted directory hides the image's scripts)", script)
                    .contains("./citus/initdb/" + script + ":/docker-entrypoint-initdb.d/" + script));
        }
        assertThat(compose).as("a mount over the image's whole init directory").doesNotContain(":/docker-entrypoint-initdb.d:");
        for (String path : new String[] {"citus/citus-cluster.conf", "citus/initdb", "citus/form-cluster.sql", "schema/chat-schema.sql",
                "schema/sample-data.sql", "../nginx/nginx.conf"}) {
            assertThat(COMPOSE.getParent().resolve(path)).as("a file compose.yaml mounts").exists();
        }
    }

    @Test
    void repeatsTheKernelSettingsOfTheSuite() throws IOException {
        Map<String, String> suite = CitusContainer.sysctls(PROJECT.resolve("containers/citus/sysctl.conf"));
        assertThat(composeSysctls(Files.readString(COMPOSE))).as("sysctls in compose.yaml, next to containers/citus/sysctl.conf")
                .isEqualTo(suite);
    }

    @Test
    void namesTheNodesAsTheClusterFormationScriptDoes() throws IOException {
        String compose = Files.readString(COMPOSE);
        String formation = Files.readString(PROJECT.resolve("containers/citus/form-cluster.sql"));
        for (String node : new String[] {"coordinator-1", "coordinator-2", "worker-1", "worker-2", "worker-3", "worker-4"}) {
            assertThat(compose).as("compose service of %s", node).contains("\n  " + node + ":\n", "hostname: " + node + "\n");
            assertThat(formation).as("form-cluster.sql names %s", node).contains("'" + node + "'");
        }
    }

    /** The key: "value" lines of the first sysctls: block. */
    static Map<String, String> composeSysctls(String compose) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        int at = compose.indexOf("\n  sysctls:\n");
        if (at < 0) {
            return sysctls;
        }
        Matcher line = Pattern.compile("\\G    ([\\w.]+): \"?([^\"\\n]*)\"?\\n").matcher(compose);
        int from = at + "\n  sysctls:\n".length();
        while (line.find(from)) {
            sysctls.put(line.group(1), line.group(2));
            from = line.end();
        }
        return sysctls;
    }
}
