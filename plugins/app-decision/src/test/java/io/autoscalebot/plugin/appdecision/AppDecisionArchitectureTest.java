package io.autoscalebot.plugin.appdecision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The plugin is loaded next to other plugins in its own layer: it may use only Java and the API. */
@AnalyzeClasses(packages = "io.autoscalebot.plugin.appdecision", importOptions = ImportOption.DoNotIncludeTests.class)
class AppDecisionArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaAndTheApi = classes()
            .that().resideInAPackage("io.autoscalebot.plugin.appdecision..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.appdecision..");

    @ArchTest
    static final ArchRule jsonSupportStandsOnItsOwn = classes()
            .that().resideInAPackage("io.autoscalebot.plugin.appdecision.json..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.autoscalebot.plugin.appdecision.json..");
}
