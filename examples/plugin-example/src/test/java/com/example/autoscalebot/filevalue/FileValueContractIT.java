package com.example.autoscalebot.filevalue;

import io.autoscalebot.testkit.PluginContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The built jar keeps the plugin contract: the testkit loads it as the engine will (manifest, its own module layer)
 * and checks ids, settings docs, secrets, validate, create/teardown, deadlines and messages.
 */
class FileValueContractIT {

    @Test
    void theBuiltJarKeepsThePluginContract() {
        PluginContract.assertPasses(Path.of(System.getProperty("plugin.jar")));
    }
}
