package io.autoscalebot.cli;

import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.Configuration;
import io.autoscalebot.engine.ConfigurationException;
import io.autoscalebot.engine.Plugins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, and reading it with every error reported at once. */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "autoscale.toml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path file;

    /**
     * Reads and validates the file; on errors prints each as {@code FILE:LINE:COL: message} to {@code err}.
     *
     * @return the configuration, or empty when it has errors
     */
    Optional<Configuration> load(Plugins plugins, PrintWriter err) {
        return load(file, plugins, err);
    }

    /** Reads and validates any configuration file as {@link #load(Plugins, PrintWriter)} does {@code --config}. */
    static Optional<Configuration> load(Path file, Plugins plugins, PrintWriter err) {
        try {
            return Optional.of(Autoscalebot.loadConfiguration(file, plugins, System.getenv()));
        } catch (ConfigurationException e) {
            // The first errors, then how many more: a generated file can have thousands.
            err.println(e.getMessage());
            int count = e.problems().size();
            err.println(count + (count == 1 ? " error" : " errors") + " in " + file);
            err.flush();
            return Optional.empty();
        }
    }
}
