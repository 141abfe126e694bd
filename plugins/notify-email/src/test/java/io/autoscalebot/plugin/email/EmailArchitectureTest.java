package io.autoscalebot.plugin.email;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin is loaded next to other plugins in its own layer: it may use only Java, the API, Jakarta Mail and Angus
 * Mail's SMTP transport (shipped beside it; asked which extensions the server offers, which Jakarta Mail cannot say).
 */
@AnalyzeClasses(packages = "io.autoscalebot.plugin.email", importOptions = ImportOption.DoNotIncludeTests.class)
class EmailArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaTheApiAndJakartaMail = classes()
            .that().resideInAPackage("io.autoscalebot.plugin.email..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.net.ssl..", "io.autoscalebot.api..", "io.autoscalebot.plugin.email..",
                    "jakarta.mail..", "org.eclipse.angus.mail.smtp..");
}
