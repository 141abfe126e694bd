package io.autoscalebot.engine.simulate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.engine.simulate.report.SimulationReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimulateDependenciesTest {

    private static final String WIRING = "io.autoscalebot.engine.simulate";
    private static final String TRACE = "io.autoscalebot.engine.simulate.trace";
    private static final String MODEL = "io.autoscalebot.engine.simulate.model";
    private static final String REPORT = "io.autoscalebot.engine.simulate.report";

    // Importing the compiled folder, not the package, spares a scan of every jar on the class path.
    private static JavaClasses simulate() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes/io/autoscalebot/engine/simulate"));
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
     * Only the wiring to a configured group reaches beyond the JDK: the simulator, its ticks, its guarded plugin calls,
     * its plugin log, JSON.
     */
    @Test
    void everythingButTheWiringAndTheJsonDependsOnlyOnJava() {
        classes().that().doNotBelongToAnyOf(Simulator.class, SimulatedTicks.class, GuardedCall.class,
                        SimulationLog.class, SimulationReport.class).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.engine.simulate..")
                .check(simulate());
    }

    /** A result does not know how it is rendered, so the report package can change without touching a replay. */
    @Test
    void theWiringDoesNotDependOnTheReport() {
        noClasses().that().resideInAPackage(WIRING).should().dependOnClassesThat().resideInAPackage(REPORT)
                .check(simulate());
    }

    /** One code path decides in both: the simulator uses the loop's decision step, never a copy of its rules. */
    @Test
    void theWiringUsesTheEnginesDecisionStepAndNothingThatRunsInRealTime() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.autoscalebot.engine.loop.Engine")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("ExecutorScheduler")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("PluginCalls")
                .check(simulate());
        classes().that().haveSimpleName("SimulatedTicks").should().dependOnClassesThat()
                .haveFullyQualifiedName("io.autoscalebot.engine.loop.DecisionStep")
                .check(simulate());
    }
}
