package io.autoscalebot.engine.simulate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimulateDependenciesTest {

    /** The model stays pure: the integrator wires it to the loop, not the other way round. */
    @Test
    void dependsOnlyOnJava() {
        // Importing the compiled folder, not the package, spares a scan of every jar on the class path.
        var simulate = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes/io/autoscalebot/engine/simulate"));
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.engine.simulate..")
                .check(simulate);
    }
}
