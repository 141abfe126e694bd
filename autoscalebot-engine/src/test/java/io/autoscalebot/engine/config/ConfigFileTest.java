package io.autoscalebot.engine.config;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that writes configuration files into its own temporary folder. */
abstract class ConfigFileTest {

    /** The folder the file is written in, removed after each test. */
    @TempDir
    Path folder;

    /** Writes and loads {@code autoscale.toml} in {@link #folder}. */
    ConfigFiles files;

    @BeforeEach
    void createFiles() {
        files = new ConfigFiles(folder);
    }
}
