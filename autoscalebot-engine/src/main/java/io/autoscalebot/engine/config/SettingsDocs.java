package io.autoscalebot.engine.config;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Documentation of a component written from its one declaration ({@code description()} and {@code settings()}), so the
 * docs cannot drift from what the configuration accepts: plain text for {@code plugins describe ID}, and Markdown for
 * {@code docs/plugins/ID.md}. Defaults are shown as they are written in {@code autoscale.toml}, a secret's as
 * {@code ****}.
 */
public final class SettingsDocs {

    /**
     * The engine's own key of every notifier table, the same for each notify plugin: told once here rather than
     * declared as a setting by every plugin.
     */
    static final String NOTIFY_ON_DOC = "Like every notifier, it is told each event the group's `notify_on` sends,"
            + " unless its own table narrows that with `notify_on`: a list of event names, or a time-of-day table of"
            + " such lists read in the group's `timezone`, written like a group's `min`/`max` tables. For example"
            + " `notify_on = { \"0:00\" = [], \"8:00\" = [\"ABOVE_MAX\"], \"18:00\" = [] }` tells it ABOVE_MAX only"
            + " from 8:00 to 18:00; the entry in force is the latest at or before the time of day, and the last one"
            + " of the day runs on past midnight. An event the group never sends is an error.";

    private SettingsDocs() {
    }

    /**
     * @param component the component to describe
     * @return its id, kind, plugin and description, then each setting with its type, default or "required", secret
     *     flag, choices, bounds and doc
     */
    public static String text(Component component) {
        StringBuilder text = new StringBuilder()
                .append(component.id()).append(" (").append(component.kind().label()).append(" component of plugin ")
                .append(component.pluginId()).append(")\n")
                .append(component.description()).append("\n\n");
        List<Setting> settings = component.settings();
        if (settings.isEmpty()) {
            return text.append("Settings: none\n").append(notifyOn(component)).toString();
        }
        text.append("Settings:\n");
        for (Setting setting : settings) {
            List<String> facts = new ArrayList<>();
            facts.add(setting.type().label());
            facts.add(defaultOrRequired(setting, Redactor.MASK));
            if (setting.secret()) {
                facts.add("secret");
            }
            if (!setting.choices().isEmpty()) {
                facts.add("one of: " + String.join(", ", setting.choices()));
            }
            setting.minimum().ifPresent(minimum -> facts.add("at least " + SettingsResolver.text(minimum)));
            setting.maximum().ifPresent(maximum -> facts.add("at most " + SettingsResolver.text(maximum)));
            text.append("  ").append(setting.name()).append(" (").append(String.join(", ", facts)).append(")\n");
            text.append("      ").append(setting.doc()).append('\n');
        }
        return text.append(notifyOn(component)).toString();
    }

    /**
     * @param component the component to document
     * @param pluginVersion the version of the plugin it comes from
     * @return a Markdown page: title, kind and plugin, description, a table of settings, and an example table
     */
    public static String markdown(Component component, String pluginVersion) {
        StringBuilder page = new StringBuilder()
                .append("# ").append(component.id()).append("\n\n")
                .append("A *").append(component.kind().label()).append("* component of plugin `")
                .append(component.pluginId()).append("` version ").append(pluginVersion).append(".\n\n")
                .append(component.description()).append("\n\n")
                .append("## Settings\n\n");
        List<Setting> settings = component.settings();
        if (settings.isEmpty()) {
            page.append("This component takes no settings.\n");
        } else {
            page.append("| Setting | Type | Default | Description |\n|---|---|---|---|\n");
            for (Setting setting : settings) {
                page.append("| `").append(setting.name()).append("` | ").append(setting.type().label()).append(" | ")
                        .append(cell(defaultOrRequired(setting, "`" + Redactor.MASK + "`"))).append(" | ").append(cell(description(setting)))
                        .append(" |\n");
            }
        }
        if (component.kind() == Kind.NOTIFY) {
            page.append("\n## When it is told\n\n").append(NOTIFY_ON_DOC).append('\n');
        }
        return page.append("\n## Example\n\n```toml\n").append(example(component)).append("```\n").toString();
    }

    private static String notifyOn(Component component) {
        return component.kind() == Kind.NOTIFY ? "\nWhen it is told (notify_on in its table):\n  " + NOTIFY_ON_DOC + "\n"
                : "";
    }

    /** @param mask how a secret's default shows: a password in a default URL is still a password */
    private static String defaultOrRequired(Setting setting, String mask) {
        if (setting.required()) {
            return "required";
        }
        if (setting.defaultValue() == null) {
            return "not set";
        }
        return "default " + (setting.secret() ? mask : TomlText.of(setting.defaultValue()));
    }

    private static String description(Setting setting) {
        StringBuilder text = new StringBuilder(setting.doc());
        if (setting.secret()) {
            text.append(" Secret: never shown, written as `****`; best set from the environment.");
        }
        if (!setting.choices().isEmpty()) {
            text.append(" One of: ").append(setting.choices().stream().map(c -> "`" + c + "`")
                    .collect(Collectors.joining(", "))).append('.');
        }
        setting.minimum().ifPresent(minimum -> text.append(" Minimum: ").append(SettingsResolver.text(minimum)).append('.'));
        setting.maximum().ifPresent(maximum -> text.append(" Maximum: ").append(SettingsResolver.text(maximum)).append('.'));
        return text.toString().trim();
    }

    /**
     * A table to copy: the required settings and those the plugin gave an example for; a secret read from the
     * environment, its example (never a real secret) in a comment. Optional secrets without an example stay out, as
     * two of them may be alternatives (a token or a password).
     */
    private static String example(Component component) {
        String table = switch (component.kind()) {
            case NOTIFY -> "[[groups.web.notify]]";
            case LEASE -> "[leader]";
            default -> "[groups.web." + component.kind().label() + "]";
        };
        StringBuilder example = new StringBuilder(table).append("\nplugin = \"").append(component.id()).append("\"\n");
        if (component.kind() == Kind.LEASE) {
            example.append("ttl = \"15s\"   # the engine's: how long the lease lasts without a renewal\n");
        }
        for (Setting setting : component.settings()) {
            if (!setting.required() && setting.example().isEmpty()) {
                continue;
            }
            example.append(setting.name()).append(" = ");
            if (setting.secret()) {
                String variable = (component.id() + "_" + setting.name()).toUpperCase(Locale.ROOT).replace('-', '_');
                example.append("\"${").append(variable).append("}\"");
                setting.example().ifPresent(value -> example.append("   # like ").append(TomlText.of(value)));
            } else {
                example.append(setting.example().map(TomlText::of).orElseGet(() -> placeholder(setting.type())));
                if (setting.required()) {
                    example.append("   # required");
                }
            }
            example.append('\n');
        }
        return example.toString();
    }

    private static String placeholder(SettingType type) {
        switch (type) {
            case INTEGER: return "1";
            case NUMBER: return "1.0";
            case BOOLEAN: return "true";
            case DURATION: return "\"30s\"";
            case URI: return "\"https://example.com/\"";
            case STRING_LIST: return "[\"...\"]";
            case INTEGER_LIST: return "[1, 2]";
            default: return "\"...\"";
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
