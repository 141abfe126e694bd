package io.autoscalebot.probe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The probe goes into users' apps: it may use the JDK and nothing else. */
class ProbeArchitectureTest {

    @Test
    void dependsOnNothingButTheJdk() throws URISyntaxException {
        // The module's own output folder only: scanning the whole class path for the package takes seconds.
        Path mainClasses = Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses probe = new ClassFileImporter().importPath(mainClasses);

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.autoscalebot.probe..", "java..", "com.sun.net.httpserver..")
                .check(probe);
    }
}
