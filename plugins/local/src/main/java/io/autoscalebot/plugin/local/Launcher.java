package io.autoscalebot.plugin.local;

import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Starts copies of the command, each with its own PORT and INDEX.
 *
 * @param command the program and its arguments
 * @param workingDirectory where copies run, or empty for autoscalebot's own working directory
 * @param basePort the PORT of copy 0
 * @param output where a copy's output goes
 * @param logDirectory where {@link Output#FILE} writes {@code copy-INDEX.log}
 */
record Launcher(List<String> command, Optional<Path> workingDirectory, int basePort, Output output, Path logDirectory) {

    /** Copies the command. */
    Launcher {
        command = List.copyOf(command);
    }

    /**
     * @param index the INDEX of the new copy
     * @return the started process
     * @throws PluginException if the operating system cannot start the command
     */
    Process start(int index) throws PluginException {
        requireFree(port(index), index);
        ProcessBuilder builder = new ProcessBuilder(command);
        workingDirectory.ifPresent(directory -> builder.directory(directory.toFile()));
        builder.environment().put("PORT", String.valueOf(port(index)));
        builder.environment().put("INDEX", String.valueOf(index));
        if (output == Output.FILE) {
            createLogDirectory();
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log(index).toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            Process process = builder.start();
            // Nothing is ever written to a copy's stdin; closing it lets a copy that reads stdin see the end at once.
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new PluginException("cannot start copy " + index + " of command " + command + ": " + osReason(e)
                    + "; check that the program exists, is executable and is on the PATH (or give its full path)", e);
        }
    }

    /**
     * Fails the copy when its PORT is held by a process that is not a copy of this group (the copies of this group have
     * other INDEXes, hence other PORTs): started anyway it would crash on "address already in use" again and again.
     * Every copy is given a PORT, so every copy is checked; the probe binds the wildcard address like a server would
     * and lets go at once.
     */
    private static void requireFree(int port, int index) throws PluginException {
        if (port > 65_535) {
            throw new PluginException("cannot start copy " + index + ": its PORT would be " + port
                    + ", above 65535; lower base_port");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // a port in TIME_WAIT after a stopped copy is free for its replacement
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PluginException("cannot start copy " + index + ": port " + port
                    + " is already in use by another process; stop it or choose another base port");
        }
    }

    /**
     * Created with the first copy that writes a log, not when the plugin is created: a dry run, or a group that never
     * scales up, leaves nothing on disk.
     */
    private void createLogDirectory() throws PluginException {
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new PluginException("cannot create the state directory " + logDirectory.toAbsolutePath()
                    + ", where the copies' logs are written: " + e.getMessage()
                    + "; check its permissions or set state_dir", e);
        }
    }

    /** @return the PORT of the copy with that INDEX */
    int port(int index) {
        return basePort + index;
    }

    /** @return the log file of the copy with that INDEX */
    Path log(int index) {
        return logDirectory.resolve("copy-" + index + ".log");
    }

    /** The JDK wraps the OS's words ("error=2, No such file or directory") in a message naming the program again. */
    private static String osReason(IOException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }
}
