package io.autoscalebot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The API has one version number, autoscalebot.api.version in the root pom; everything else derives from it. */
class ApiVersionTest {

    @Test
    void currentIsTheVersionTheBuildWasGiven() throws IOException {
        Properties build = build();

        assertThat(ApiVersion.CURRENT).isEqualTo(ApiVersion.parse(build.getProperty("api.version")));
    }

    @Test
    void theArtifactsVersionIsTheApiVersionWithAPatchNumberAndIsTheOneThePlatformDependsOn() throws IOException {
        Properties build = build();
        String artifact = build.getProperty("artifact.version");

        assertThat(artifact).matches(ApiVersion.CURRENT.major() + "\\." + ApiVersion.CURRENT.minor() + "\\.\\d+");
        assertThat(build.getProperty("managed.version")).as("autoscalebot.api.artifact.version in the root pom")
                .isEqualTo(artifact);
    }

    @Test
    void parsesMajorDotMinorAndComparesInThatOrder() {
        assertThat(ApiVersion.parse("1")).isEqualTo(new ApiVersion(1, 0));
        assertThat(ApiVersion.parse("1.10")).isGreaterThan(ApiVersion.parse("1.9"));
        assertThatThrownBy(() -> ApiVersion.parse("1.0.0")).hasMessageContaining("MAJOR.MINOR (like 1.0)");
    }

    private static Properties build() throws IOException {
        Properties build = new Properties();
        try (InputStream in = ApiVersionTest.class.getResourceAsStream("/api-build.properties")) {
            build.load(in);
        }
        return build;
    }
}
