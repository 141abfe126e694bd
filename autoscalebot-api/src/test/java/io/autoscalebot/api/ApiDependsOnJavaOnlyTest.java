package io.autoscalebot.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ApiDependsOnJavaOnlyTest {

    @Test
    void apiDependsOnJavaOnly() {
        var api = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.autoscalebot.api");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..")
                .check(api);
    }

    @Test
    void moduleRequiresNothingButJavaBase() {
        var module = Plugin.class.getModule();
        // On the class path in tests the module is unnamed; read the descriptor from the compiled module-info instead.
        var descriptor = module.isNamed() ? module.getDescriptor()
                : java.lang.module.ModuleFinder.of(java.nio.file.Path.of("target/classes"))
                        .find("io.autoscalebot.api").orElseThrow().descriptor();
        org.assertj.core.api.Assertions.assertThat(descriptor.requires())
                .extracting(java.lang.module.ModuleDescriptor.Requires::name)
                .containsExactly("java.base");
    }
}
