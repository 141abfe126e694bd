package io.autoscalebot.plugin.prometheus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin is loaded in its own layer next to others: it may use only Java, the plugin API and the platform's Jackson. */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.autoscalebot.plugin.prometheus");

    @Test
    void dependsOnlyOnTheJdkTheApiAndJackson() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "java..", "javax.net.ssl..",
                "io.autoscalebot.api..",
                "io.autoscalebot.plugin.prometheus..",
                "com.fasterxml.jackson.core..", "com.fasterxml.jackson.databind..")
                .check(PLUGIN);
    }
}
