package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class PluginDescriptorTest {

    private static final String JAR = "plugins/acme-1.2.0.jar";

    @Test
    void readsTheThreePluginAttributes() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0,2.0)"), "acme-1.2.0.jar", JAR);

        assertThat(descriptor).isEqualTo(new PluginDescriptor("acme", "1.2.0", ApiRange.parse("[1.0,2.0)"), false));
    }

    @Test
    void readsTheComponentIndexSeparatedByCommasOrSpaces() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0,2.0)",
                PluginDescriptor.COMPONENTS, "acme-queue, acme-lag  acme-age"), "acme-1.2.0.jar", JAR);

        assertThat(descriptor.components()).containsExactlyInAnyOrder("acme-queue", "acme-lag", "acme-age");
    }

    @Test
    void aJarWithoutTheComponentIndexHasNone() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0,2.0)"), "acme-1.2.0.jar", JAR);

        assertThat(descriptor.components()).isNull();
    }

    @Test
    void aComponentIndexWithAnInvalidIdIsRefusedNamingIt() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0,2.0)",
                PluginDescriptor.COMPONENTS, "acme-queue, Acme_Lag"), "acme-1.2.0.jar", JAR))
                .isInstanceOf(LoadProblem.class)
                .hasMessageContaining(JAR + ": Autoscalebot-Components lists 'Acme_Lag', which is not a component id");
    }

    @Test
    void anEmptyComponentIndexIsRefused() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0,2.0)",
                PluginDescriptor.COMPONENTS, " , "), "acme-1.2.0.jar", JAR))
                .hasMessageContaining(JAR + ": Autoscalebot-Components is empty");
    }

    @Test
    void aMissingRangeSaysWhichAttributeToAdd() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0"), "acme-1.2.0.jar", JAR))
                .isInstanceOf(LoadProblem.class)
                .hasMessageContaining(JAR + ": the manifest has no Autoscalebot-Api-Range; add "
                        + "\"Autoscalebot-Api-Range: [1.0,2.0)\" to the plugin jar's manifest");
    }

    @Test
    void aMissingVersionSaysWhichAttributeToAdd() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.API_RANGE, "[1.0,2.0)"), "acme-1.2.0.jar", JAR))
                .hasMessageContaining("the manifest has no Autoscalebot-Plugin-Version");
    }

    @Test
    void aMissingIdSaysWhichAttributeToAdd() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.VERSION, "1.2.0",
                PluginDescriptor.API_RANGE, "[1.0,2.0)"), "acme-1.2.0.jar", JAR))
                .hasMessageContaining("the manifest has no Autoscalebot-Plugin-Id");
    }

    @Test
    void anUnknownAutoscalebotAttributeIsAnErrorNotIgnored() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0,2.0)", "Autoscalebot-Api-Rnage",
                "[1.0,2.0)"), "acme-1.2.0.jar", JAR))
                .hasMessageContaining(JAR + ": unknown manifest attribute Autoscalebot-Api-Rnage")
                .hasMessageContaining("check the spelling");
    }

    @Test
    void aMalformedRangeIsQuotedWithWhatIsWrong() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.ID, "acme",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0;2.0)"), "acme-1.2.0.jar", JAR))
                .hasMessageContaining(JAR + ": Autoscalebot-Api-Range '[1.0;2.0)' is not a range");
    }

    @Test
    void anIdThatIsNotLowerCaseDashesIsRefused() {
        assertThatThrownBy(() -> PluginDescriptor.read(manifest(PluginDescriptor.ID, "Acme Queue",
                PluginDescriptor.VERSION, "1.2.0", PluginDescriptor.API_RANGE, "[1.0,2.0)"), "acme-1.2.0.jar", JAR))
                .hasMessageContaining("Autoscalebot-Plugin-Id 'Acme Queue' must be lower-case letters, digits and "
                        + "dashes");
    }

    @Test
    void aPlainJarTakesItsIdFromTheFileNameAndItsVersionFromImplementationVersion() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read(manifest("Implementation-Version", "3.1"),
                "Acme_Gauge-3.1.0.jar", "plugins/Acme_Gauge-3.1.0.jar");

        assertThat(descriptor).isEqualTo(new PluginDescriptor("acme-gauge", "3.1", ApiRange.ANY, true));
    }

    @Test
    void aPlainJarWithoutManifestOrVersionInItsNameHasVersionQuestionMark() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read(null, "gauge.jar", "plugins/gauge.jar");

        assertThat(descriptor.id()).isEqualTo("gauge");
        assertThat(descriptor.version()).isEqualTo("?");
    }

    @Test
    void validIdsAreLowerCaseLettersDigitsAndSingleDashes() {
        assertThat(PluginDescriptor.isValidId("response-time")).isTrue();
        assertThat(PluginDescriptor.isValidId("s3")).isTrue();
        assertThat(PluginDescriptor.isValidId("Response-Time")).isFalse();
        assertThat(PluginDescriptor.isValidId("response--time")).isFalse();
        assertThat(PluginDescriptor.isValidId("-time")).isFalse();
        assertThat(PluginDescriptor.isValidId("response_time")).isFalse();
    }

    private static Manifest manifest(String... namesAndValues) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int index = 0; index < namesAndValues.length; index += 2) {
            main.putValue(namesAndValues[index], namesAndValues[index + 1]);
        }
        return manifest;
    }
}
