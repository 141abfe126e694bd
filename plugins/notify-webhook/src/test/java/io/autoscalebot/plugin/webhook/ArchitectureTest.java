package io.autoscalebot.plugin.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin is one jar: it may use only the JDK (java.net.http), the plugin API and Jackson from the platform. */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.autoscalebot.plugin.webhook");

    @Test
    void dependsOnlyOnTheJdkTheApiAndJackson() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "java..", "javax.net.ssl..",
                "io.autoscalebot.api..",
                "io.autoscalebot.plugin.webhook..",
                "com.fasterxml.jackson..")
                .check(PLUGIN);
    }
}
