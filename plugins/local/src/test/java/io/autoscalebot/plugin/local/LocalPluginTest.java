package io.autoscalebot.plugin.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LocalPluginTest {

    private final LocalProvider provider = new LocalProvider();

    @Test
    void isOfferedToTheServiceLoader() {
        assertThat(ServiceLoader.load(ScaleProvider.class).stream().map(p -> p.get().id())).contains("local");
    }

    @Test
    void declaresDocumentedSettingsWithTheirDefaults() throws Exception {
        Settings settings = TestSettings.resolve(provider, Map.of("command", List.of("python3", "app.py")));

        assertThat(settings.toString())
                .isEqualTo("Settings{command=[python3, app.py], base_port=8700, grace=PT10S, output=file}");
        assertThat(provider.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }

    @Test
    void validateRefusesAnEmptyCommandAtItsKey() {
        assertThat(TestSettings.problems(provider, Map.of("command", List.of())))
                .containsExactly(new SettingProblem("command", "command is empty; give the program and its arguments,"
                        + " like [\"python3\", \"app.py\"]"));
        assertThat(TestSettings.problems(provider, Map.of("command", List.of(" ", "app.py"))))
                .extracting(SettingProblem::key).containsExactly("command");
    }

    @Test
    void dependsOnlyOnTheJdkAndThePluginApi() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.autoscalebot.plugin.local");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.local..")
                .check(plugin);
    }
}
