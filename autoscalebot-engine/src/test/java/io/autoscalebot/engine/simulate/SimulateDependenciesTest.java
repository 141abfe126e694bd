package io.autoscalebot.engine.simulate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimulateDependenciesTest {

    // Importing the compiled folder, not the package, spares a scan of every jar on the class path.
    private static JavaClasses simulate() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes/io/autoscalebot/engine/simulate"));
    }

    /** The model stays pure, so it can be checked and reused without an engine. */
    @Test
    void theModelDependsOnlyOnJava() {
        // The wiring to a configured group: the simulator, its ticks, its plugin log and its JSON report.
        classes().that().doNotBelongToAnyOf(Simulator.class, SimulatedTicks.class, SimulationLog.class,
                        SimulationReport.class).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.engine.simulate..")
                .check(simulate());
    }

    /** One code path decides in both: the simulator uses the loop's decision step, never a copy of its rules. */
    @Test
    void theWiringUsesTheEnginesDecisionStepAndNothingThatRunsInRealTime() {
        noClasses().should().dependOnClassesThat().haveSimpleNameStartingWith("Engine")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("ExecutorScheduler")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("PluginCalls")
                .check(simulate());
        classes().that().haveSimpleName("SimulatedTicks").should().dependOnClassesThat()
                .haveFullyQualifiedName("io.autoscalebot.engine.loop.DecisionStep")
                .check(simulate());
    }
}
