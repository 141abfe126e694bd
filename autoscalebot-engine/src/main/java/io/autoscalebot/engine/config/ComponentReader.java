package io.autoscalebot.engine.config;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.notify.EventSchedule;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInfo;
import io.autoscalebot.engine.plugin.Validation;
import io.autoscalebot.engine.settings.DidYouMean;
import io.autoscalebot.engine.settings.SettingsException;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one component table ({@code [groups.web.measure]}, one {@code [[groups.web.notify]]}): finds the plugin it
 * names in the catalog, validates the other keys against that plugin's declared settings, then asks the plugin's own
 * {@code validate} about what the declaration cannot say, reporting each problem at its key.
 */
final class ComponentReader {

    /** The key naming the plugin; every other key of a component table is a plugin setting. */
    static final String PLUGIN = "plugin";

    /** How many plugins that did not load an unknown-plugin error explains; the rest are counted. */
    private static final int MAX_PROBLEMS_SHOWN = 3;

    private final PluginCatalog catalog;
    private final Set<String> secrets;
    private final Duration validateTimeout;

    /**
     * @param catalog the plugins to find components in
     * @param secrets receives the value of every setting declared secret
     * @param validateTimeout how long a plugin's {@code validate} may take
     */
    ComponentReader(PluginCatalog catalog, Set<String> secrets, Duration validateTimeout) {
        this.catalog = catalog;
        this.secrets = secrets;
        this.validateTimeout = validateTimeout;
    }

    /** @return the component configured by the table; empty when anything is wrong (with errors) */
    Optional<ComponentConfig> read(TomlTable table, Kind kind) {
        Optional<Component> component = component(table, kind);
        // A notifier's notify_on is the engine's, not a plugin setting: read it beside them, reported at its key.
        Optional<EventSchedule> events = kind == Kind.NOTIFY
                ? EventScheduleReader.schedule(table)
                : Optional.of(EventSchedule.ALWAYS);
        return component.flatMap(found -> configure(table, found))
                .flatMap(config -> events.map(schedule -> config.withEvents(schedule)));
    }

    /** @return the ids of the loaded components of that kind, for messages */
    String available(Kind kind) {
        List<Component> components = catalog.components(kind);
        return components.isEmpty()
                ? "no " + kind.label() + " plugins are installed"
                : kind.label() + " plugins: " + ids(components);
    }

    private Optional<Component> component(TomlTable table, Kind kind) {
        if (!table.has(PLUGIN)) {
            table.problems().add(table.path(), "missing 'plugin' in [" + table.path() + "]: name the " + kind.label()
                    + " plugin to use, like plugin = \"" + example(kind) + "\" (" + available(kind) + ")");
            return Optional.empty();
        }
        Optional<String> id = table.typed(PLUGIN, SettingType.STRING).map(String.class::cast);
        Optional<Component> component = id.flatMap(found -> catalog.find(kind, found));
        if (id.isPresent() && component.isEmpty()) {
            table.error(PLUGIN, notFound(kind, id.get()));
        }
        return component;
    }

    private Optional<ComponentConfig> configure(TomlTable table, Component component) {
        Map<String, Setting> declared = component.settings().stream()
                .collect(Collectors.toMap(Setting::name, s -> s, (a, b) -> a, LinkedHashMap::new));
        Map<String, Object> raw = new LinkedHashMap<>();
        Set<String> unexpandable = new HashSet<>();
        for (String key : table.keys()) {
            if (key.equals(PLUGIN) || (component.kind() == Kind.NOTIFY && key.equals(EventScheduleReader.KEY))) {
                continue;
            }
            Setting setting = declared.get(key);
            Object value = table.expanded(key, setting == null ? SettingType.STRING : setting.type());
            if (value == null) {
                unexpandable.add(key);
            } else {
                raw.put(key, value);
            }
        }
        SecretSettings.collect(declared, raw, secrets);
        try {
            Settings settings = SettingsResolver.resolve(List.copyOf(declared.values()), raw);
            if (!unexpandable.isEmpty()) {
                return Optional.empty();
            }
            List<String> secretValues = secretValues(settings);
            secrets.addAll(secretValues);
            if (!withoutControlCharacters(table, component, settings)) {
                return Optional.empty();
            }
            if (!validated(table, component, settings, secretValues)) {
                return Optional.empty();
            }
            return Optional.of(new ComponentConfig(component, settings, table.problems().where(table.path())));
        } catch (SettingsException e) {
            for (SettingProblem problem : e.problems()) {
                // A setting whose ${VAR} failed already has its error; "missing" would only repeat it.
                if (!unexpandable.contains(problem.key())) {
                    table.error(problem.key(), component.id() + ": " + problem.message());
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Runs the plugin's {@code validate} and records each problem at its key (at the table when the key is not written,
     * a default), or its failure at the table. Its words pass through the secret values first: a plugin may quote a
     * setting in a message.
     *
     * @return whether the plugin found nothing wrong
     */
    private boolean validated(TomlTable table, Component component, Settings settings, List<String> secretValues) {
        Validation.Outcome outcome = Validation.validate(component, settings, validateTimeout);
        if (outcome.failed()) {
            table.problems().add(table.path(), component.id() + ": " + redact(outcome.failure(), secretValues));
            return false;
        }
        for (SettingProblem problem : outcome.problems()) {
            table.error(problem.key(), component.id() + ": " + redact(problem.message(), secretValues));
        }
        return outcome.problems().isEmpty();
    }

    /**
     * A control character in a secret (a newline from {@code $(cat token)}) fails every call that puts it in a header,
     * far from its cause: refused here, at the setting, before any plugin is created.
     *
     * @return whether no secret setting holds one
     */
    private static boolean withoutControlCharacters(TomlTable table, Component component, Settings settings) {
        boolean clean = true;
        for (Setting setting : settings.schema()) {
            Object value = settings.values().get(setting.name());
            if (!setting.secret() || value == null) {
                continue;
            }
            for (Object item : value instanceof List ? (List<?>) value : List.of(value)) {
                Optional<String> found = ControlCharacters.first(String.valueOf(item));
                if (found.isPresent()) {
                    table.error(setting.name(), component.id() + ": setting '" + setting.name() + "': "
                            + ControlCharacters.problem(setting.name(), found.get()));
                    clean = false;
                    break;
                }
            }
        }
        return clean;
    }

    private static String redact(String text, List<String> secretValues) {
        String redacted = text;
        // Longest first, so a secret holding another is masked whole.
        List<String> longestFirst = secretValues.stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : longestFirst) {
            redacted = redacted.replace(secret, "****");
        }
        return redacted;
    }

    /** @return the values of the settings declared secret, each item of a list on its own */
    private static List<String> secretValues(Settings settings) {
        List<String> values = new ArrayList<>();
        for (Setting setting : settings.schema()) {
            Object value = settings.values().get(setting.name());
            if (!setting.secret() || value == null) {
                continue;
            }
            List<?> items = value instanceof List ? (List<?>) value : List.of(value);
            items.stream().map(String::valueOf).filter(s -> !s.isBlank()).forEach(values::add);
        }
        return values;
    }

    private String notFound(Kind kind, String id) {
        Optional<PluginInfo> unusable = catalog.unusable(id);
        if (unusable.isPresent()) {
            return kind.label() + " plugin '" + id + "' is installed but could not be loaded: "
                    + unusable.get().problem();
        }
        for (Kind other : Kind.values()) {
            if (other != kind && catalog.find(other, id).isPresent()) {
                return "'" + id + "' is a " + other.label() + " plugin, not a " + kind.label() + " plugin ("
                        + available(kind) + ")";
            }
        }
        List<String> ids = catalog.components(kind).stream().map(Component::id).collect(Collectors.toList());
        return "unknown " + kind.label() + " plugin '" + id + "' ("
                + DidYouMean.closest(id, ids).map(best -> "did you mean '" + best + "'? ").orElse("")
                + (ids.isEmpty() ? "no " + kind.label() + " plugins are installed"
                        : "available: " + String.join(", ", ids))
                + ")" + unloadable();
    }

    /**
     * A plugin that did not load never said which components it offers, so any of them may be the one named: say
     * why each did not load, rather than let the user believe the plugin is not installed.
     */
    private String unloadable() {
        List<PluginInfo> unloadable = catalog.unloadable();
        if (unloadable.isEmpty()) {
            return "";
        }
        String problems = unloadable.stream().limit(MAX_PROBLEMS_SHOWN).map(PluginInfo::problem)
                .collect(Collectors.joining(" | "));
        String more = unloadable.size() > MAX_PROBLEMS_SHOWN ? " | and " + (unloadable.size() - MAX_PROBLEMS_SHOWN)
                + " more (see autoscalebot plugins list)" : "";
        return unloadable.size() == 1
                ? "; 1 installed plugin could not be loaded and may provide it: " + problems
                : "; " + unloadable.size() + " installed plugins could not be loaded and may provide it: " + problems
                        + more;
    }

    private String example(Kind kind) {
        List<Component> components = catalog.components(kind);
        return components.isEmpty() ? "ID" : components.get(0).id();
    }

    private static String ids(List<Component> components) {
        return components.stream().map(Component::id).collect(Collectors.joining(", "));
    }
}
