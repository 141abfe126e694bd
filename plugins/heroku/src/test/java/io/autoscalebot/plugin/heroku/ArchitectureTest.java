package io.autoscalebot.plugin.heroku;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.autoscalebot.plugin.heroku.api.HerokuApi;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** Only the plugin's own classes folder: scanning the whole class path for the package is slow. */
    private final JavaClasses plugin = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(List.of(Location.of(HerokuApi.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void dependsOnlyOnTheJdkThePluginApiAndThePlatformsJackson() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "com.fasterxml.jackson.core..",
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.annotation..",
                        "io.autoscalebot.plugin.heroku..")
                .because("the plugin ships without libraries: it uses the API and the platform modules"
                        + " (docs/platform-modules.md), and must not reach into the engine")
                .check(plugin);
    }

    @Test
    void keepsTheApiClientFreeOfTheComponentsUsingIt() {
        classes().that().resideInAPackage("..heroku.api..").should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("..heroku.scale..", "..heroku.measure..")
                .check(plugin);
    }
}
