package io.autoscalebot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Plugin tests see only the API and the testkit: no public signature of the testkit mentions an engine type. */
class TestkitSignaturesTest {

    private static final List<Class<?>> PUBLIC_TYPES = List.of(TestContexts.class, PluginContextBuilder.class,
            TestPluginContext.class, DecideContextBuilder.class, NotificationBuilder.class, TestSettings.class,
            InvalidSettingsException.class, ManualClock.class, CapturingLogger.class, PluginContract.class,
            ContractReport.class, ContractFinding.class, ContractCheck.class, Eventually.class);

    @Test
    void noPublicSignatureMentionsTheEngine() {
        List<String> engineTypes = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            Stream.concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
                    .filter(member -> Modifier.isPublic(member.getModifiers()))
                    .forEach(member -> mentioned(member)
                            .filter(used -> used.getName().startsWith("io.autoscalebot.engine"))
                            .forEach(used -> engineTypes.add(type.getSimpleName() + "." + member.getName() + ": "
                                    + used.getName())));
        }

        assertThat(engineTypes).isEmpty();
    }

    @Test
    void everyPublicTypeOfTheTestkitIsChecked() throws Exception {
        List<Class<?>> compiled = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target", "classes", "io", "autoscalebot", "testkit"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("io.autoscalebot.testkit." + name);
                if (Modifier.isPublic(type.getModifiers())) {
                    compiled.add(type);
                }
            }
        }

        assertThat(compiled).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
    }

    private static Stream<Class<?>> mentioned(Executable member) {
        Stream<Class<?>> parameters = Stream.of(member.getParameterTypes());
        return member instanceof Method method ? Stream.concat(Stream.of(method.getReturnType()), parameters)
                : parameters;
    }
}
