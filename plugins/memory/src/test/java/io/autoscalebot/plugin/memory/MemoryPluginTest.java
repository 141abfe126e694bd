package io.autoscalebot.plugin.memory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.api.scale.ScaleProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MemoryPluginTest {

    @Test
    void offersTheMemoryScalerToTheServiceLoader() {
        assertThat(ServiceLoader.load(ScaleProvider.class).stream().map(p -> p.get().id())).contains("memory");
    }

    @Test
    void everySettingIsDocumented() {
        assertThat(new MemoryProvider().settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }

    @Test
    void dependsOnlyOnTheJdkAndThePluginApi() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.autoscalebot.plugin.memory");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.memory..")
                .check(plugin);
    }
}
