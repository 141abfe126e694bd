package io.autoscalebot.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers, beside what JPMS enforces between modules: its packages form no cycle, and it never depends on
 * what is built on it (the CLI, the simulator) or on a plugin, bundled or not (plugins are found at run time).
 */
class EngineLayersTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importTheEngine() {
        // The rules read only the names of the classes the engine refers to; resolving each of them (the JDK, Jackson)
        // from the class path would only make the test slow.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        // Imported from the build output: on the module path ArchUnit's package scan may miss the engine's classes.
        engine = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @AfterAll
    static void resetArchUnit() {
        ArchConfiguration.get().reset();
    }

    @Test
    void hasNoCycleBetweenItsPackages() {
        // One slice per package, the facade's included, so a cycle through any two of them fails.
        slices().matching("io.autoscalebot.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    void neverDependsOnAPlugin() {
        noClasses().that().resideInAPackage("io.autoscalebot.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.autoscalebot.plugin..")
                .because("plugins are found at run time; the engine must never link to one, bundled or not")
                .check(engine);
    }

    @Test
    void neverDependsOnTheModulesBuiltOnIt() {
        noClasses().that().resideInAPackage("io.autoscalebot.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.autoscalebot.cli..",
                        "io.autoscalebot.simulate..")
                .because("the CLI and the simulator build on the engine, never the other way round")
                .check(engine);
    }

    @Test
    void theChartNeedsOnlyTheJdk() {
        classes().that().resideInAPackage("io.autoscalebot.engine.chart..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.autoscalebot.engine.chart..")
                .because("the simulate report draws with it too: it must not pull the engine's internals along")
                .check(engine);
    }
}
