package io.autoscalebot.simulate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.simulate.report.SimulationReport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the simulator's packages depend on each other and on what is around them. Beside these rules, JPMS keeps it off
 * the engine's internals it is not given and off the CLI, which it does not require.
 */
class SimulateDependenciesTest {

    private static final String WIRING = "io.autoscalebot.simulate";
    private static final String TRACE = "io.autoscalebot.simulate.trace";
    private static final String MODEL = "io.autoscalebot.simulate.model";
    private static final String REPORT = "io.autoscalebot.simulate.report";

    private static JavaClasses simulate;

    @BeforeAll
    static void importTheSimulator() {
        // The rules read only the names of the classes referred to; resolving each from the class path (the JDK,
        // Jackson, the engine) would only make the test slow.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        // Importing the compiled folder, not the package, spares a scan of every jar on the class path.
        simulate = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes/io/autoscalebot/simulate"));
    }

    @AfterAll
    static void resetArchUnit() {
        ArchConfiguration.get().reset();
    }

    private static JavaClasses simulate() {
        return simulate;
    }

    /** The CLI is built on the simulator: the simulator never reaches back for it. */
    @Test
    void neverDependsOnTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.autoscalebot.cli..")
                .check(simulate());
    }

    /** The engine's packages are free of cycles; so are the simulator's. */
    @Test
    void hasNoCycleBetweenItsPackages() {
        slices().matching("io.autoscalebot.(**)").should().beFreeOfCycles().check(simulate());
    }

    /** Reading a trace needs only the JDK, so the reader can be checked and reused on its own. */
    @Test
    void theTracePackageDependsOnlyOnJava() {
        classes().that().resideInAPackage(TRACE).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", TRACE)
                .check(simulate());
    }

    /** The model stays pure, so it can be checked and reused without an engine: the JDK and the traces it replays. */
    @Test
    void theModelPackageDependsOnlyOnJavaAndTraces() {
        classes().that().resideInAPackage(MODEL).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", MODEL, TRACE)
                .check(simulate());
    }

    /**
     * Only the wiring to a configured group reaches beyond the JDK: the simulator, its ticks, its plugin log, JSON. The
     * report draws with the engine's SVG chart, shared with the status dashboard, which itself needs only the JDK.
     */
    @Test
    void everythingButTheWiringAndTheJsonDependsOnlyOnJava() {
        classes().that().doNotBelongToAnyOf(Simulator.class, SimulatedTicks.class, SimulationLog.class,
                        SimulationReport.class).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.simulate..", "io.autoscalebot.engine.chart..")
                .check(simulate());
    }

    /** A result does not know how it is rendered, so the report package can change without touching a replay. */
    @Test
    void theWiringDoesNotDependOnTheReport() {
        noClasses().that().resideInAPackage(WIRING).should().dependOnClassesThat().resideInAPackage(REPORT)
                .check(simulate());
    }

    /**
     * One tick pipeline: the simulator ticks through the loop's, never a copy of its steps (it does not even reach the
     * decision step on its own), and uses nothing that runs in real time.
     */
    @Test
    void theWiringTicksThroughTheEnginesPipelineAndNothingThatRunsInRealTime() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.autoscalebot.engine.loop.Engine")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("ExecutorScheduler")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("PluginCalls")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.autoscalebot.engine.loop.DecisionStep")
                .check(simulate());
        classes().that().haveSimpleName("SimulatedTicks").should().dependOnClassesThat()
                .haveFullyQualifiedName("io.autoscalebot.engine.loop.TickPipeline")
                .check(simulate());
    }
}
