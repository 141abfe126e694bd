package io.autoscalebot.plugin.appdecision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin is loaded next to other plugins in its own layer: it may use only Java, the API and the platform's
 * Jackson (docs/platform-modules.md).
 */
@AnalyzeClasses(packages = "io.autoscalebot.plugin.appdecision", importOptions = ImportOption.DoNotIncludeTests.class)
class AppDecisionArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaTheApiAndThePlatformsJackson = classes()
            .that().resideInAPackage("io.autoscalebot.plugin.appdecision..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.autoscalebot.api..", "com.fasterxml.jackson.core..",
                    "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.annotation..",
                    "io.autoscalebot.plugin.appdecision..");

    @ArchTest
    static final ArchRule jsonSupportStandsOnItsOwn = classes()
            .that().resideInAPackage("io.autoscalebot.plugin.appdecision.json..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.fasterxml.jackson.core..", "com.fasterxml.jackson.databind..",
                    "io.autoscalebot.plugin.appdecision.json..");
}
