package io.autoscalebot.cli;

import io.autoscalebot.cli.ConfigTemplate.Measure;
import io.autoscalebot.cli.ConfigTemplate.Target;
import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code autoscalebot init}: writes a commented {@code autoscale.toml} from flags, or asks for what is missing when
 * standard input is a terminal. The text is validated against the installed plugins (as {@code config validate} does)
 * before it replaces anything, and an existing file is only replaced with {@code --force}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented autoscale.toml for a platform, validated before it is written.")
final class InitCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "autoscale.toml",
            description = "The file to write (default: ${DEFAULT-VALUE}).")
    Path file;
    @Option(names = "--target", paramLabel = "TARGET",
            description = "Where the processes run: heroku, kubernetes or local (processes on this machine).")
    String target;
    @Option(names = "--group", paramLabel = "NAME",
            description = "A process group to scale, like web or worker (repeatable; default web).")
    List<String> groups = new ArrayList<>();
    @Option(names = "--measure", paramLabel = "KIND", description = "What to measure: response-time (default),"
            + " sidekiq, celery-redis, rabbitmq or prometheus.")
    String measure;
    @Option(names = "--app", paramLabel = "APP", description = "The Heroku app (target heroku; default my-app).")
    String app;
    @Option(names = "--namespace", paramLabel = "NS",
            description = "The Kubernetes namespace (target kubernetes; default: the context's, or the pod's own).")
    String namespace;
    @Option(names = "--url", paramLabel = "URL",
            description = "The page response-time times (default http://127.0.0.1:8080/health).")
    String url;
    @Option(names = "--max", paramLabel = "N", defaultValue = "3",
            description = "The most processes of each group (default: ${DEFAULT-VALUE}).")
    int max;
    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;
    @Mixin
    PluginOptions plugins;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Answers to the questions; null when standard input is not a terminal, so nothing is asked. */
    BufferedReader questions = interactive()
            ? new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())) : null;

    /**
     * Whether a person can answer: up to Java 21 a console exists only on a terminal; from 22 one always may, and
     * {@code isTerminal()} (called reflectively, since the build targets 17) says whether it is one.
     */
    private static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(file) && !force) {
            err.println("autoscalebot: " + file + " already exists; not replacing it. Add --force to replace it, or"
                    + " --config OTHER.toml to write another file.");
            err.flush();
            return Main.USAGE;
        }
        ConfigTemplate template;
        try {
            template = template(out);
        } catch (IllegalArgumentException e) {
            err.println("autoscalebot: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        try {
            if (!validated(template, err)) {
                return Main.FAILURE;
            }
        } catch (IOException e) {
            err.println("autoscalebot: cannot write " + file + ": " + e.getMessage());
            err.flush();
            return Main.FAILURE;
        }
        out.println("wrote " + file + ": " + template.groups().size()
                + (template.groups().size() == 1 ? " group, " : " groups, ") + ConfigTemplate.name(template.target())
                + ", " + ConfigTemplate.name(template.measure()) + "; it validates against the installed plugins.");
        template.requiredVariables().forEach((name, what) -> out.println("Before `autoscalebot run`, set " + name
                + " to " + what + "."));
        out.println("Next: autoscalebot config validate" + (file.equals(Path.of("autoscale.toml")) ? ""
                : " --config " + file) + ", then autoscalebot run --once --dry-run.");
        out.flush();
        return Main.OK;
    }

    /** The flags, with missing ones asked for when there is a terminal, else their defaults. */
    private ConfigTemplate template(PrintWriter out) {
        if (target == null && questions != null) {
            target = ask(out, "Where do the processes run (heroku, kubernetes, local)?", null);
        }
        if (target == null) {
            throw new IllegalArgumentException("--target is required (heroku, kubernetes or local), like"
                    + " `autoscalebot init --target heroku --app my-app`");
        }
        Target where = choice(Target.class, "--target", target);
        if (groups.isEmpty() && questions != null) {
            String answer = ask(out, "Which process groups (space-separated)?", "web");
            groups = Arrays.asList(answer.trim().split("[\\s,]+"));
        }
        if (measure == null && questions != null) {
            measure = ask(out, "What to measure (response-time, sidekiq, celery-redis, rabbitmq, prometheus)?",
                    "response-time");
        }
        if (where == Target.HEROKU && app == null && questions != null) {
            app = ask(out, "The Heroku app's name?", "my-app");
        }
        List<String> names = new ArrayList<>(new LinkedHashSet<>(groups.isEmpty() ? List.of("web") : groups));
        for (String name : names) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--group needs a name, like --group web");
            }
        }
        if (max < 1) {
            throw new IllegalArgumentException("--max must be 1 or more, got " + max);
        }
        return new ConfigTemplate(where, names,
                choice(Measure.class, "--measure", measure == null ? "response-time" : measure),
                app == null ? "my-app" : app, namespace, url == null ? "http://127.0.0.1:8080/health" : url, max);
    }

    private String ask(PrintWriter out, String question, String fallback) {
        out.print(question + (fallback == null ? " " : " [" + fallback + "] "));
        out.flush();
        try {
            String line = questions.readLine();
            return line == null || line.isBlank() ? fallback : line.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        for (E constant : type.getEnumConstants()) {
            if (ConfigTemplate.name(constant).equals(value.trim().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new IllegalArgumentException(option + ": unknown value '" + value + "' (use one of: "
                + Arrays.stream(type.getEnumConstants()).map(ConfigTemplate::name).collect(Collectors.joining(", "))
                + ")");
    }

    /**
     * Validates the text through the engine, as {@code config validate} will, from a file beside the target (so
     * relative paths mean the same), then moves it into place. A variable the text needs and the environment lacks
     * (a token the user sets later) gets a stand-in for the check only.
     *
     * @return whether it was valid and written
     */
    private boolean validated(ConfigTemplate template, PrintWriter err) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path draft = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".init");
        try {
            Files.writeString(draft, template.text());
            Map<String, String> env = new HashMap<>(System.getenv());
            template.requiredVariables().keySet().forEach(name -> env.putIfAbsent(name, "set-before-run"));
            try {
                Autoscalebot.loadConfiguration(draft, plugins.load(), env);
            } catch (ConfigurationException e) {
                err.println("autoscalebot: the " + ConfigTemplate.name(template.target()) + " configuration does not"
                        + " validate against the installed plugins; nothing was written:");
                err.println(e.getMessage().replace(draft.toString(), file.toString()));
                err.println("Check `autoscalebot plugins list`: the plugins it names must be installed.");
                err.flush();
                return false;
            }
            Files.move(draft, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
