package io.autoscalebot.bench;

import io.autoscalebot.simulate.trace.SyntheticTrace;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the synthetic trace set ({@link SyntheticTrace#standardSet}) as CSV files in the public traces' format:
 * {@code java -cp ... io.autoscalebot.bench.GenerateTraces FOLDER [SEED]} (seed 2026 unless given).
 */
public final class GenerateTraces {

    private GenerateTraces() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: GenerateTraces FOLDER [SEED]");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        for (SyntheticTrace trace : SyntheticTrace.standardSet(seed)) {
            System.err.println("wrote " + trace.write(folder));
        }
    }
}
