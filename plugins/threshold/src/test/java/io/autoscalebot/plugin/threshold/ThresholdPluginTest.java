package io.autoscalebot.plugin.threshold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.api.decide.DecideProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ThresholdPluginTest {

    @Test
    void offersBothDecidersToTheServiceLoader() {
        assertThat(ServiceLoader.load(DecideProvider.class).stream().map(p -> p.get().id()))
                .contains("consecutive-threshold", "average-threshold");
    }

    @Test
    void everySettingIsDocumented() {
        assertThat(new ConsecutiveThresholdProvider().settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
        assertThat(new AverageThresholdProvider().settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }

    @Test
    void dependsOnlyOnTheJdkAndThePluginApi() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.autoscalebot.plugin.threshold");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.threshold..")
                .check(plugin);
    }
}
