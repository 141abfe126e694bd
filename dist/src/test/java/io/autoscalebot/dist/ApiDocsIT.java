package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A plugin author needs no source checkout: the distribution ships the API's Javadoc and the author's guide. */
class ApiDocsIT {

    @Test
    void shipsTheApiJavadocInDocsApi() throws IOException {
        Path api = Distribution.home().resolve("docs/api");

        assertThat(api.resolve("index.html")).isRegularFile();
        try (Stream<Path> pages = Files.walk(api)) {
            assertThat(pages.map(page -> page.getFileName().toString()))
                    .contains("MeasureProvider.html", "PluginContext.html", "Deadline.html", "Setting.html");
        }
    }

    @Test
    void shipsTheGuideToWritingAPlugin() {
        assertThat(Distribution.home().resolve("docs/writing-a-plugin.md")).isRegularFile();
    }
}
