package io.autoscalebot.engine.loop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Time is injected: the loop, state and notify code never reads the system clock itself. */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.autoscalebot.engine.loop", "io.autoscalebot.engine.state",
                    "io.autoscalebot.engine.notify", "io.autoscalebot.engine.status");

    @Test
    void neverReadsTheSystemClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .because("the engine must run in virtual time for tests and simulations")
                .check(ENGINE);
    }

    @Test
    void theLoopKnowsTheStatusServerOnlyAsATickListener() {
        noClasses().that().resideInAPackage("io.autoscalebot.engine.loop..")
                .should().dependOnClassesThat().resideInAPackage("io.autoscalebot.engine.status..")
                .because("the status server observes ticks; it must be possible to run, and simulate, without it")
                .check(ENGINE);
    }

    @Test
    void stateAndNotifyDoNotDependOnTheLoop() {
        noClasses().that().resideInAnyPackage("io.autoscalebot.engine.state..", "io.autoscalebot.engine.notify..")
                .should().dependOnClassesThat().resideInAPackage("io.autoscalebot.engine.loop..")
                .check(ENGINE);
    }
}
