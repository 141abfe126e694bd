package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contract's page and the README say what {@link PlatformModules} says, so they cannot drift apart. */
class PlatformModulesDocTest {

    /** The engine's tests run in its module folder. */
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void thePlatformModulesPageHasARowForEverySharedModuleWithItsArtifactAndPromise() throws Exception {
        String page = Files.readString(REPOSITORY.resolve("docs/platform-modules.md"));

        for (PlatformModules.Shared shared : PlatformModules.SHARED) {
            assertThat(page).as(shared.module()).contains("| `" + shared.module() + "` | `" + shared.artifact()
                    + "` | " + shared.promise() + " |");
        }
    }

    @Test
    void theReadmesPluginSectionPointsAtThePage() throws Exception {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));

        assertThat(readme).contains("(docs/platform-modules.md)", "requires com.fasterxml.jackson.databind;");
    }
}
