package io.autoscalebot.plugin.heroku;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses plugin = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.autoscalebot.plugin.heroku");

    @Test
    void dependsOnlyOnTheJdkAndThePluginApi() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.heroku..")
                .because("a plugin ships without libraries and must not reach into the engine")
                .check(plugin);
    }

    @Test
    void keepsTheApiClientFreeOfTheComponentsUsingIt() {
        classes().that().resideInAPackage("..heroku.api..").should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("..heroku.scale..", "..heroku.measure..")
                .check(plugin);
    }
}
