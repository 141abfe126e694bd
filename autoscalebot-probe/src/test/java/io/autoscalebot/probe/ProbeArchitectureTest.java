package io.autoscalebot.probe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The probe goes into users' apps: it may use the JDK and nothing else. */
class ProbeArchitectureTest {

    @Test
    void dependsOnNothingButTheJdk() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.autoscalebot.probe..", "java..", "com.sun.net.httpserver..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.autoscalebot.probe"));
    }
}
