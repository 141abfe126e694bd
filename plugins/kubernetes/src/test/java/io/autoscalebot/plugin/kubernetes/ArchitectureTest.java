package io.autoscalebot.plugin.kubernetes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** Only the plugin's own classes folder: scanning the whole class path for the package is slow. */
    private final JavaClasses plugin = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(List.of(Location.of(KubeApi.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void dependsOnlyOnTheJdkThePluginApiJacksonAndSnakeYaml() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.net.ssl..", "javax.security..", "io.autoscalebot.api..",
                        "io.autoscalebot.plugin.kubernetes..", "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
                .because("no Kubernetes client library: the thin client here is all the plugin needs")
                .check(plugin);
    }

    @Test
    void keepsTheClientFreeOfWhatUsesIt() {
        classes().that().resideInAPackage("..kubernetes.client..").should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("..kubernetes.scale..", "..kubernetes.lease..")
                .check(plugin);
    }

    @Test
    void keepsTheLeaseApartFromTheScaleComponent() {
        classes().that().resideInAPackage("..kubernetes.lease..").should().onlyDependOnClassesThat()
                .resideOutsideOfPackage("..kubernetes.scale..")
                .because("the leader role will use the lease without the scale component")
                .check(plugin);
    }
}
