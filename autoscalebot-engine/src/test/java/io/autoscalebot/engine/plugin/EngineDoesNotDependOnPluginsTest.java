package io.autoscalebot.engine.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Plugins are found at run time; the engine must never link to one, bundled or not. */
class EngineDoesNotDependOnPluginsTest {

    @Test
    void engineClassesDoNotDependOnAnyPluginClass() {
        // The rule reads only the names of the classes the engine refers to; resolving each of them (the JDK, Jackson)
        // from the class path would only make the test slow.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        try {
            // Imported from the build output: on the module path ArchUnit's package scan may miss the engine's classes.
            JavaClasses engine = new ClassFileImporter().importPath(Path.of("target/classes"));

            noClasses().that().resideInAPackage("io.autoscalebot.engine..")
                    .should().dependOnClassesThat().resideInAPackage("io.autoscalebot.plugin..")
                    .check(engine);
        } finally {
            ArchConfiguration.get().reset();
        }
    }
}
