package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassReferencesTest {

    @Test
    void findsThePackagesOfTheClassesAndDescriptorTypesAClassRefersTo() throws IOException {
        // PluginLoader calls into the API (ApiVersion), java.util.concurrent, and names java.nio.file.Path in descriptors.
        assertThat(ClassReferences.packages(classFile(PluginLoader.class)))
                .contains("io.autoscalebot.api", "java.util.concurrent", "java.nio.file", "io.autoscalebot.engine.plugin")
                .doesNotContain("com.fasterxml.jackson.databind");
    }

    @Test
    void findsNothingInBytesThatAreNotAClassFile() {
        byte[] noise = new byte[256];
        new Random(3).nextBytes(noise);

        assertThat(ClassReferences.packages(noise)).isEmpty();
        assertThat(ClassReferences.packages(new byte[] {(byte) 0xCA, (byte) 0xFE})).isEmpty();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
