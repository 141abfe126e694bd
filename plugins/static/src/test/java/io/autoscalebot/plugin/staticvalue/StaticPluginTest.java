package io.autoscalebot.plugin.staticvalue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.api.measure.MeasureProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StaticPluginTest {

    @Test
    void offersTheStaticMeasureToTheServiceLoader() {
        assertThat(ServiceLoader.load(MeasureProvider.class).stream().map(p -> p.get().id())).contains("static");
    }

    @Test
    void everySettingIsDocumented() {
        assertThat(new StaticProvider().settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }

    @Test
    void dependsOnlyOnTheJdkAndThePluginApi() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.autoscalebot.plugin.staticvalue");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.staticvalue..")
                .check(plugin);
    }
}
