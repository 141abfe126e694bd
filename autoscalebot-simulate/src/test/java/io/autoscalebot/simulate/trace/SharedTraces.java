package io.autoscalebot.simulate.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The public traces the project replays, for the tests of every simulate package that reads one. */
public final class SharedTraces {

    private SharedTraces() {
    }

    /**
     * The shared traces sit in {@code shared/traces} beside the checkout, or above it; a test that needs one is
     * skipped where they are not.
     *
     * @param name the trace's file name
     * @return its path
     */
    public static Path sharedTrace(String name) {
        Optional<Path> found = Optional.empty();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && found.isEmpty(); dir = dir.getParent()) {
            found = Optional.of(dir.resolve("shared/traces").resolve(name)).filter(Files::isRegularFile);
        }
        assumeTrue(found.isPresent(), "shared/traces/" + name + " is not beside this checkout");
        return found.get();
    }
}
