package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ResolutionException;
import java.nio.file.NoSuchFileException;
import java.util.ServiceConfigurationError;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** Every JDK failure reads as one line naming the plugin and saying what to do. */
class JdkFailuresTest {

    private static final String PLUGIN = "plugins/acme";

    @Test
    void aZipExceptionSaysTheJarIsUnreadable() {
        assertThat(JdkFailures.describe(PLUGIN, new ZipException("zip END header not found")))
                .isEqualTo(PLUGIN + ": not a readable jar (zip END header not found); replace it with a fresh copy "
                        + "of the plugin");
    }

    @Test
    void aFindExceptionKeepsItsCause() {
        FindException failure = new FindException("Error reading module: plugins/acme/lib.jar",
                new ZipException("invalid CEN header"));

        assertThat(JdkFailures.describe(PLUGIN, failure)).startsWith(PLUGIN + ": cannot be read as a Java module: "
                + "Error reading module: plugins/acme/lib.jar: invalid CEN header; replace the damaged");
    }

    @Test
    void aModuleNotFoundSaysALibraryIsMissing() {
        assertThat(JdkFailures.describe(PLUGIN, new FindException("Module com.foo not found, required by acme")))
                .startsWith(PLUGIN + ": a library it needs is missing: Module com.foo not found, required by acme");
    }

    @Test
    void aResolutionExceptionSaysTheModulesDoNotResolve() {
        assertThat(JdkFailures.describe(PLUGIN, new ResolutionException("Cycle detected: a -> b -> a")))
                .startsWith(PLUGIN + ": its modules do not resolve: Cycle detected: a -> b -> a; ask the plugin's");
    }

    @Test
    void aLayerInstantiationExceptionSaysNotToBundleWhatAutoscalebotShips() {
        String split = "Package p in both module a and module b";

        assertThat(JdkFailures.describe(PLUGIN, new LayerInstantiationException(split)))
                .contains(": cannot be loaded beside autoscalebot's own modules: " + split)
                .contains("must not bundle classes autoscalebot ships");
    }

    @Test
    void aServiceConfigurationErrorSaysAProviderCannotBeLoaded() {
        assertThat(JdkFailures.describe(PLUGIN, new ServiceConfigurationError("Provider a.B not found")))
                .startsWith(PLUGIN + ": a provider cannot be loaded: Provider a.B not found");
    }

    @Test
    void anIoExceptionSaysTheFileCannotBeRead() {
        assertThat(JdkFailures.describe(PLUGIN, new NoSuchFileException("plugins/acme/acme.jar")))
                .isEqualTo(PLUGIN + ": cannot be read: plugins/acme/acme.jar; check the file exists and is readable");
    }

    @Test
    void aMultiLineMessageBecomesOneLine() {
        assertThat(JdkFailures.describe(PLUGIN, new IOException("first\n  second"))).doesNotContain("\n")
                .contains("first; second");
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        assertThat(JdkFailures.describe(PLUGIN, new IllegalStateException()))
                .isEqualTo(PLUGIN + ": failed to load: IllegalStateException; ask the plugin's author for a fixed "
                        + "release, or remove the plugin");
    }
}
