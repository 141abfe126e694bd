package io.autoscalebot.plugin.notify.basic;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.plugin.notify.basic.recording.RecordingNotifyProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NotifyBasicPluginTest {

    @Test
    void offersAllThreeNotifiersToTheServiceLoader() {
        assertThat(ServiceLoader.load(NotifyProvider.class).stream().map(p -> p.get().id()))
                .contains("console", "logger", "test");
    }

    @Test
    void everySettingIsDocumented() {
        for (NotifyProvider provider : List.of(new ConsoleNotifyProvider(), new LoggerNotifyProvider(),
                new RecordingNotifyProvider())) {
            assertThat(provider.description()).isNotBlank();
            assertThat(provider.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
        }
    }

    @Test
    void dependsOnlyOnTheJdkAndThePluginApi() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.autoscalebot.plugin.notify.basic");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.autoscalebot.api..", "io.autoscalebot.plugin.notify.basic..")
                .check(plugin);
    }
}
