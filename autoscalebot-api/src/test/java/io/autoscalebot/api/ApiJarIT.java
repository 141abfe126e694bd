package io.autoscalebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged API jar says one version everywhere: its manifest, and the ApiVersion.CURRENT it defines. */
class ApiJarIT {

    @Test
    void theManifestAndApiVersionCurrentAgree() throws IOException {
        try (JarFile jar = new JarFile(Path.of(System.getProperty("autoscalebot.api.jar")).toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            Properties packaged = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry("io/autoscalebot/api/api-version.properties"))) {
                packaged.load(in);
            }

            assertThat(manifest.getValue("Autoscalebot-Api-Version")).isEqualTo(ApiVersion.CURRENT.toString());
            assertThat(packaged.getProperty("version")).isEqualTo(ApiVersion.CURRENT.toString());
            assertThat(manifest.getValue("Implementation-Version")).startsWith(ApiVersion.CURRENT + ".");
        }
    }
}
