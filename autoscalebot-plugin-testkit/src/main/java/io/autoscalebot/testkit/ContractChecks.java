package io.autoscalebot.testkit;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInfo;
import io.autoscalebot.engine.plugin.PluginLoader;
import io.autoscalebot.engine.plugin.Validation;
import io.autoscalebot.engine.settings.SettingsException;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks behind {@link PluginContract}, run where the engine's loader is reachable: in the layer the API was
 * loaded in, or in the testkit's own layer when the test runs on the class path. Loads the plugin with the engine's
 * {@link PluginLoader}, from a fresh plugin directory holding a copy of it, so it is found, read and layered exactly as
 * the distribution's {@code plugins/} would.
 */
final class ContractChecks {

    /** The deadline the check hands a call; short, so a plugin that ignores it shows. */
    static final Duration SHORT_DEADLINE = Duration.ofSeconds(1);
    /** How long past its deadline a call may take before it counts as ignoring it: the machine may be busy. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private static final Pattern ID_FORM = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    // Parts of a setting name that make it a credential. A bare "key" is left out: it names a lookup key (a Redis
    // key), while "api_key", "access_key" or "private_key" name a credential.
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(^|_)(token|password|passwd|secret|credentials?|apikey)(_|$)|.+_key$");
    // A line of a printed stack trace ("\tat com.acme.Foo.bar(Foo.java:12)") or its "Caused by:" line.
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s*(at [\\w$.<>/]+\\(.*\\)|Caused by: )");

    private final List<ContractFinding> findings = new ArrayList<>();
    private final ModuleLayer parent;

    private ContractChecks(ModuleLayer parent) {
        this.parent = parent;
    }

    /**
     * @param plugin the plugin's jar or folder
     * @param parent the layer holding the API (and the engine), which the plugin's layer is a child of
     * @return the findings
     */
    static ContractReport run(Path plugin, ModuleLayer parent) {
        ContractChecks checks = new ContractChecks(parent);
        checks.checkAll(plugin);
        return new ContractReport(plugin.toString(), checks.findings);
    }

    private void checkAll(Path plugin) {
        String subject = String.valueOf(plugin.getFileName());
        if (!Files.exists(plugin)) {
            fail(ContractCheck.LOADS, subject, plugin + " does not exist; build the plugin first (mvn package)");
            return;
        }
        manifestId(plugin).ifPresent(id -> idFormat(subject + " (Autoscalebot-Plugin-Id)", id));
        PluginInfo info = load(plugin);
        if (info.status() != PluginInfo.Status.LOADED) {
            fail(ContractCheck.LOADS, subject, info.status() + ": " + info.problem());
            noStackTrace(subject, "the load problem", info.problem());
            return;
        }
        pass(ContractCheck.LOADS, subject, info.id() + " " + info.version() + " for API " + info.apiRange());
        idFormat(subject + " (plugin id)", info.id());
        for (Component component : info.components()) {
            checkComponent(component);
        }
    }

    private PluginInfo load(Path plugin) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("autoscalebot-contract-");
            copy(plugin, directory.resolve(plugin.getFileName().toString()));
            PluginCatalog catalog = new PluginLoader(parent, ApiVersion.CURRENT, PluginLoader.DEFAULT_LOAD_TIMEOUT)
                    .load(List.of(directory));
            return catalog.plugins().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + plugin + " into a plugin directory", e);
        }
    }

    private void checkComponent(Component component) {
        String subject = component.kind().label() + " " + component.id();
        idFormat(subject, component.id());
        for (Setting setting : component.settings()) {
            if (setting.doc().isBlank()) {
                fail(ContractCheck.SETTINGS_DOCUMENTED, subject, "setting '" + setting.name()
                        + "' has no doc; add .doc(\"what it is, with an example\") to it");
            }
            if (!setting.secret() && SECRET_NAME.matcher(setting.name()).find()) {
                fail(ContractCheck.SECRETS_FLAGGED, subject, "setting '" + setting.name()
                        + "' looks like a credential but is not secret; add .asSecret() so it never shows in output");
            }
        }
        passIfNone(ContractCheck.SETTINGS_DOCUMENTED, subject, component.settings().size() + " settings");
        passIfNone(ContractCheck.SECRETS_FLAGGED, subject, "");
        Settings defaults;
        try {
            defaults = SettingsResolver.resolve(component.settings(), Map.of());
        } catch (SettingsException e) {
            String note = "skipped: a required setting has no default (" + e.problems().stream()
                    .map(SettingProblem::key).sorted().toList() + ")";
            for (ContractCheck check : List.of(ContractCheck.VALIDATE_ON_DEFAULTS, ContractCheck.CREATE_AND_TEARDOWN,
                    ContractCheck.TEARDOWN_IDEMPOTENT, ContractCheck.DEADLINE_HONOURED)) {
                pass(check, subject, note);
            }
            passIfNone(ContractCheck.NO_STACK_TRACES, subject, "");
            return;
        }
        if (validate(component, subject, defaults)) {
            createAndCall(component, subject, defaults);
        }
        passIfNone(ContractCheck.NO_STACK_TRACES, subject, "");
    }

    /**
     * @return whether the defaults are complete, so the component can be created with them. A plugin whose settings
     *     are one-of-several ({@code value} or {@code file}) cannot default them all: validate then names the
     *     declared keys that are missing, and the engine would refuse such a config before creating anything.
     */
    private boolean validate(Component component, String subject, Settings defaults) {
        Validation.Outcome outcome = Validation.validate(component, defaults, Validation.DEFAULT_TIMEOUT);
        if (outcome.failed()) {
            fail(ContractCheck.VALIDATE_ON_DEFAULTS, subject, outcome.failure());
            noStackTrace(subject, "validate", outcome.failure());
            return false;
        }
        List<String> declared = component.settings().stream().map(Setting::name).toList();
        for (SettingProblem problem : outcome.problems()) {
            if (!declared.contains(problem.key())) {
                fail(ContractCheck.VALIDATE_ON_DEFAULTS, subject, "validate reports a problem with '" + problem.key()
                        + "', which is not a declared setting (declared: " + declared + "); tie each problem to the"
                        + " key the user must change, so it is shown at that key's line");
            }
            noStackTrace(subject, "the problem with '" + problem.key() + "'", problem.message());
        }
        if (outcome.problems().isEmpty()) {
            passIfNone(ContractCheck.VALIDATE_ON_DEFAULTS, subject, "");
            return true;
        }
        String note = "the defaults are incomplete (" + outcome.problems().stream().map(SettingProblem::key)
                .distinct().toList() + "), as validate says; create skipped";
        passIfNone(ContractCheck.VALIDATE_ON_DEFAULTS, subject, note);
        for (ContractCheck check : List.of(ContractCheck.CREATE_AND_TEARDOWN, ContractCheck.TEARDOWN_IDEMPOTENT,
                ContractCheck.DEADLINE_HONOURED)) {
            pass(check, subject, "skipped: " + note);
        }
        return false;
    }

    private void createAndCall(Component component, String subject, Settings defaults) {
        CapturingLogger logger = new CapturingLogger(subject);
        InstanceContext context = new InstanceContext("contract", Clock.systemUTC(), logger, stateDirectory(), true,
                component.pluginId(), component.pluginVersion());
        Plugin instance;
        try {
            instance = withTimeout(PluginLoader.DEFAULT_LOAD_TIMEOUT,
                    () -> component.call(() -> component.provider().create(defaults, context)));
        } catch (Throwable e) {
            fail(ContractCheck.CREATE_AND_TEARDOWN, subject, "create with the defaults failed: " + describe(e)
                    + "; defaults must create, or the setting that cannot default must be required");
            noStackTrace(subject, "create's failure", e.getMessage());
            return;
        }
        deadline(component, subject, context, instance);
        try {
            withTimeout(PluginLoader.DEFAULT_LOAD_TIMEOUT, () -> component.call(() -> teardown(instance)));
            pass(ContractCheck.CREATE_AND_TEARDOWN, subject, "");
        } catch (Throwable e) {
            fail(ContractCheck.CREATE_AND_TEARDOWN, subject, "teardown failed: " + describe(e));
            noStackTrace(subject, "teardown's failure", e.getMessage());
            return;
        }
        try {
            withTimeout(PluginLoader.DEFAULT_LOAD_TIMEOUT, () -> component.call(() -> teardown(instance)));
            pass(ContractCheck.TEARDOWN_IDEMPOTENT, subject, "");
        } catch (Throwable e) {
            fail(ContractCheck.TEARDOWN_IDEMPOTENT, subject, "a second teardown failed: " + describe(e)
                    + "; make teardown do nothing when there is nothing left to release");
        }
        for (String line : logger.lines()) {
            noStackTrace(subject, "a log line", line);
        }
    }

    /** One call of the component's main method, as a tick would make it, with a short deadline. */
    private void deadline(Component component, String subject, InstanceContext context, Plugin instance) {
        Callable<Object> call = switch (component.kind()) {
            case MEASURE -> ((Measure) instance)::measure;
            case DECIDE -> () -> ((Decide) instance).decide(TestContexts.decide().build());
            case SCALE -> ((Scale) instance)::current;
            case NOTIFY -> () -> {
                ((Notify) instance).notify(TestContexts.notification().build());
                return null;
            };
            case LEASE -> () -> ((Lease) instance).acquire("autoscalebot-contract-check", Duration.ofSeconds(15));
        };
        String name = switch (component.kind()) {
            case MEASURE -> "measure()";
            case DECIDE -> "decide()";
            case SCALE -> "current()";
            case NOTIFY -> "notify()";
            case LEASE -> "acquire()";
        };
        Duration patience = SHORT_DEADLINE.plus(GRACE);
        try {
            withTimeout(patience, context.during(SHORT_DEADLINE, () -> component.call(call)));
            pass(ContractCheck.DEADLINE_HONOURED, subject, name + " returned with the defaults");
        } catch (StillRunning e) {
            fail(ContractCheck.DEADLINE_HONOURED, subject, name + " given a " + SHORT_DEADLINE.toMillis()
                    + " ms deadline had not returned after " + patience.toMillis() + " ms; stop waiting and retrying"
                    + " at context.deadline() (deadline().limit(timeout) for a connection)");
        } catch (Throwable e) {
            // Failing with the defaults is fine (nothing may be listening); failing by it in time is the point.
            pass(ContractCheck.DEADLINE_HONOURED, subject, name + " failed in time: " + describe(e));
            noStackTrace(subject, name + "'s failure", e.getMessage());
        }
    }

    private static Void teardown(Plugin instance) throws Exception {
        instance.teardown();
        return null;
    }

    /** Runs plugin code on a daemon thread, so a call that never returns cannot hang the test run. */
    private static <T> T withTimeout(Duration timeout, Callable<T> body) throws Throwable {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = new Thread(task, "autoscalebot-contract");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new StillRunning();
        }
    }

    /** The call had not returned in time; its own exceptions (a TimeoutException among them) pass through as thrown. */
    private static final class StillRunning extends Exception {
        private static final long serialVersionUID = 1L;

        StillRunning() {
            super("still running", null, false, false);
        }
    }

    private void idFormat(String subject, String id) {
        if (ID_FORM.matcher(id).matches()) {
            pass(ContractCheck.ID_FORMAT, subject, id);
        } else {
            fail(ContractCheck.ID_FORMAT, subject, "id '" + id
                    + "' must be lower-case letters, digits and single dashes, starting with a letter, like file-value");
        }
    }

    private void noStackTrace(String subject, String what, String message) {
        if (message != null && STACK_TRACE.matcher(message).find()) {
            fail(ContractCheck.NO_STACK_TRACES, subject, what + " carries a stack trace; say what failed and what to"
                    + " do in one line, and log the exception (logger().log(level, message, exception)) instead: "
                    + message.lines().findFirst().orElse(""));
        }
    }

    private void passIfNone(ContractCheck check, String subject, String note) {
        if (findings.stream().noneMatch(f -> f.check() == check && f.subject().equals(subject) && !f.passed())) {
            pass(check, subject, note);
        }
    }

    private void pass(ContractCheck check, String subject, String note) {
        findings.add(new ContractFinding(check, subject, true, note));
    }

    private void fail(ContractCheck check, String subject, String message) {
        findings.add(new ContractFinding(check, subject, false, message));
    }

    private static String describe(Throwable e) {
        if (e instanceof StillRunning) {
            return "it did not return within " + PluginLoader.DEFAULT_LOAD_TIMEOUT.toMillis() + " ms";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** @return the Autoscalebot-Plugin-Id of the jar, or of the folder's plugin jar, if any says one */
    private static java.util.Optional<String> manifestId(Path plugin) {
        try (Stream<Path> files = Files.isDirectory(plugin) ? Files.list(plugin) : Stream.of(plugin)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    Manifest manifest = file.getManifest();
                    String id = manifest == null ? null : manifest.getMainAttributes().getValue("Autoscalebot-Plugin-Id");
                    if (id != null) {
                        return java.util.Optional.of(id.trim());
                    }
                } catch (IOException e) {
                    // An unreadable jar is the loader's to report, under LOADS.
                }
            }
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static Path stateDirectory() {
        try {
            return Files.createTempDirectory("autoscalebot-contract-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
