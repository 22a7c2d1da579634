package io.github.chatcluster.cluster.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImagesTest {

    @AfterEach
    void clear() {
        System.clearProperty("test.image");
    }

    @Test
    void defaultsToTheOfficialImages() {
        assertThat(Images.DEFAULT_CITUS).isEqualTo("citusdata/citus:14.0.0");
        assertThat(Images.choose("test.image", "NO_SUCH_VARIABLE_FOR_TEST", "official:1")).isEqualTo("official:1");
    }

    @Test
    void aSystemPropertyChoosesAnotherImage() {
        System.setProperty("test.image", "mirror.example/citus:14.0.0");
        assertThat(Images.choose("test.image", "NO_SUCH_VARIABLE_FOR_TEST", "official:1"))
                .isEqualTo("mirror.example/citus:14.0.0");
    }

    @Test
    void aBlankPropertyMeansTheDefault() {
        System.setProperty("test.image", "  ");
        assertThat(Images.choose("test.image", "NO_SUCH_VARIABLE_FOR_TEST", "official:1")).isEqualTo("official:1");
    }

    @Test
    void howToProvideNamesTheImageAndTheSettings() {
        String message = Images.howToProvide(org.testcontainers.utility.DockerImageName.parse("citusdata/citus:14.0.0"),
                "citus.image", "CITUS_IMAGE");
        assertThat(message).contains("citusdata/citus:14.0.0", "-Dcitus.image=", "CITUS_IMAGE=");
    }
}
