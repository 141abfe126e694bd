package io.autoscalebot.plugin.responsetime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.api.settings.SettingsException;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ResponseTimePluginTest {

    private final ResponseTimeProvider provider = new ResponseTimeProvider();

    @Test
    void isOfferedToTheServiceLoader() {
        assertThat(ServiceLoader.load(MeasureProvider.class).stream().map(p -> p.get().id())).contains("response-time");
    }

    @Test
    void declaresDocumentedSettingsWithTheirDefaults() throws Exception {
        Settings settings = Settings.resolve(provider.settings(), Map.of("url", "http://127.0.0.1/health"));

        assertThat(settings.toString()).isEqualTo(
                "Settings{url=http://127.0.0.1/health, timeout=PT5S, expected_status=200, on_failure=slow}");
        assertThat(provider.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }

    @Test
    void theDefaultTimeoutIsShorterThanTheGroupsSoAHungAppIsMeasuredAsSlow() throws Exception {
        Duration groupDefaultTimeout = Duration.ofSeconds(10);

        Settings settings = Settings.resolve(provider.settings(), Map.of("url", "http://127.0.0.1/health"));

        assertThat(settings.duration("timeout")).isLessThan(groupDefaultTimeout);
        assertThat(ResponseTimeProvider.TIMEOUT.doc()).contains("shorter than the group's timeout (default 10s)");
    }

    @Test
    void requiresAUrlAndOnlyKnownFailureModes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Settings.resolve(provider.settings(), Map.of("on_failure", "ignore")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("must be one of slow, fail")
                .hasMessageContaining("missing required setting 'url'");
    }

    @Test
    void dependsOnlyOnTheJdkAndThePluginApi() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.autoscalebot.plugin.responsetime");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.responsetime..")
                .check(plugin);
    }
}
