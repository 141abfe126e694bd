package io.autoscalebot.plugin.responsetime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.InvalidSettingsException;
import io.autoscalebot.testkit.TestSettings;
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
        Settings settings = TestSettings.resolve(provider, Map.of("url", "http://127.0.0.1/health"));

        assertThat(settings.toString()).isEqualTo(
                "Settings{url=http://127.0.0.1/health, timeout=PT5S, expected_status=200, on_failure=slow}");
        assertThat(provider.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }

    @Test
    void theDefaultTimeoutIsShorterThanTheGroupsSoAHungAppIsMeasuredAsSlow() throws Exception {
        Duration groupDefaultTimeout = Duration.ofSeconds(10);

        Settings settings = TestSettings.resolve(provider, Map.of("url", "http://127.0.0.1/health"));

        assertThat(settings.duration("timeout")).isLessThan(groupDefaultTimeout);
        assertThat(ResponseTimeProvider.TIMEOUT.doc()).contains("shorter than the group's timeout (default 10s)");
    }

    @Test
    void requiresAUrlAndOnlyKnownFailureModes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestSettings.resolve(provider, Map.of("on_failure", "ignore")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("must be one of slow, fail")
                .hasMessageContaining("missing required setting 'url'");
    }

    @Test
    void validateRefusesAUrlThatIsNotHttpAtTheUrlKey() {
        assertThat(TestSettings.problems(provider, Map.of("url", "ftp://127.0.0.1/health")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo("url");
                    assertThat(problem.message())
                            .contains("url must be an http or https URL, got one starting with 'ftp:'");
                });
    }

    @Test
    void validateAcceptsAnHttpsUrl() {
        assertThat(TestSettings.problems(provider, Map.of("url", "https://user:pw@app.example.com/health"))).isEmpty();
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
