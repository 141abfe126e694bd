import io.autoscalebot.engine.config.ConfigException;
import io.autoscalebot.engine.config.ConfigLoader;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginLoader;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints how long {@code config validate} takes to load configurations of 5,500 to 44,000 groups (the largest about
 * 12 MB), valid and with one mistake per group, in one JVM after a warm-up, with the time per 1,000 groups. Validation is linear when that last column stays
 * flat as the file doubles. Run by bench/config-scale.sh on the distribution's module path, so the real plugins
 * validate their settings:
 *
 * <pre>java --module-path dist/target/autoscalebot/lib --add-modules ALL-MODULE-PATH \
 *     bench/ConfigScale.java dist/target/autoscalebot/plugins</pre>
 */
public final class ConfigScale {

    private static final int[] SIZES = {5_500, 11_000, 22_000, 44_000};
    /** CPU time of this thread: other work on a shared machine stretches the wall time, not this. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException, ConfigException {
        PluginCatalog catalog = new PluginLoader().load(List.of(Path.of(args[0])));
        Path folder = Files.createTempDirectory("config-scale");
        load(write(folder, 2_000, false), catalog);
        for (boolean broken : new boolean[] {false, true}) {
            System.out.println(broken ? "every group with one mistake (an unknown setting):" : "valid groups:");
            measure(folder, catalog, broken);
        }
        Files.delete(folder.resolve("autoscale-2000.toml"));
        Files.delete(folder);
    }

    private static void measure(Path folder, PluginCatalog catalog, boolean broken) throws IOException {
        System.out.println("groups    MB  wall ms  cpu ms  cpu ms per 1,000 groups");
        for (int groups : SIZES) {
            Path file = write(folder, groups, broken);
            long wall = Long.MAX_VALUE;
            long cpu = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                long startCpu = THREADS.getCurrentThreadCpuTime();
                int loaded;
                try {
                    loaded = load(file, catalog).groups().size();
                } catch (ConfigException e) {
                    loaded = e.errors().size();
                }
                cpu = Math.min(cpu, THREADS.getCurrentThreadCpuTime() - startCpu);
                wall = Math.min(wall, System.nanoTime() - start);
                if (loaded != groups) {
                    throw new IllegalStateException("got " + loaded + " groups or errors, wrote " + groups);
                }
            }
            System.out.printf(Locale.ROOT, "%6d %5.1f %8d %7d %8.1f%n", groups, Files.size(file) / 1e6,
                    wall / 1_000_000, cpu / 1_000_000, cpu / 1e6 / (groups / 1000.0));
            Files.delete(file);
        }
    }

    private static EngineConfig load(Path file, PluginCatalog catalog) throws ConfigException {
        return ConfigLoader.load(file, catalog, Map.of());
    }

    /** A group as a user writes one: response-time, consecutive-threshold and local, with a few settings each. */
    private static Path write(Path folder, int groups, boolean broken) throws IOException {
        Path file = folder.resolve("autoscale-" + groups + ".toml");
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < groups; i++) {
                out.write("[groups.g" + i + "]\ninterval = \"30s\"\nmin = 1\nmax = 3\n"
                        + "[groups.g" + i + ".measure]\nplugin = \"response-time\"\n"
                        + "url = \"http://127.0.0.1:8080/health/" + i + "\"\n" + (broken ? "urll = \"x\"\n" : "")
                        + "[groups.g" + i + ".decide]\nplugin = \"consecutive-threshold\"\n"
                        + "[groups.g" + i + ".scale]\nplugin = \"local\"\ncommand = [\"sleep\", \"1000\"]\n"
                        + "base_port = " + (8000 + i % 1000) + "\n");
            }
        }
        return file;
    }
}
