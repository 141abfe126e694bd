package io.autoscalebot.cli;

import io.autoscalebot.api.ApiVersion;
import picocli.CommandLine;

/** Reads the version from the jar, as JUnit's platform does, instead of typing it in code. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getModule().getDescriptor() != null
                ? Main.class.getModule().getDescriptor().rawVersion().orElse(null) : null;
        if (version == null) {
            version = Main.class.getPackage().getImplementationVersion();
        }
        return new String[] {
            "autoscalebot " + (version == null ? "(development build)" : version),
            "plugin API " + ApiVersion.CURRENT,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
