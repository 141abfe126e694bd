package com.example.autoscalebot.filevalue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * A plugin is loaded in its own layer with only the API exported to it: anything else it reached for (the engine,
 * a library the engine happens to use) would fail when loaded, so the build catches it first.
 */
@AnalyzeClasses(packages = "com.example.autoscalebot.filevalue", importOptions = ImportOption.DoNotIncludeTests.class)
class FileValueArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaAndTheApi = classes()
            .that().resideInAPackage("com.example.autoscalebot.filevalue..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.autoscalebot.api..", "com.example.autoscalebot.filevalue..");
}
