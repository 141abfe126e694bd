package io.autoscalebot.plugin.sidekiq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin ships alone in its folder: it may use only the JDK, the plugin API, Jackson (which the platform provides)
 * and Jedis with its libraries.
 */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.autoscalebot.plugin.sidekiq");

    @Test
    void dependsOnlyOnTheJdkTheApiJacksonAndJedis() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "java..", "javax.net..",
                "io.autoscalebot.api..",
                "io.autoscalebot.plugin.sidekiq..",
                "com.fasterxml.jackson..",
                "redis.clients.jedis..", "org.apache.commons.pool2..")
                .check(PLUGIN);
    }
}
