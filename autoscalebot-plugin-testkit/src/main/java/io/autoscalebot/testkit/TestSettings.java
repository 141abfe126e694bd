package io.autoscalebot.testkit;

import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.settings.SettingsException;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.util.List;
import java.util.Map;

/**
 * Settings for plugin tests, resolved the way the engine resolves a component table of {@code autoscale.toml}: values
 * given as TOML gives them ({@code "30s"} for a duration, {@code 3} for an integer, a {@code List} for an array),
 * checked against the declared types, choices and bounds, defaults applied, and then checked by the provider's own
 * {@code validate}:
 * <pre>{@code
 * Settings settings = TestSettings.resolve(provider, Map.of("url", "http://127.0.0.1:8080/health"));
 * assertThat(TestSettings.problems(provider, Map.of("min_value", 50, "max_value", 10)))
 *         .extracting(SettingProblem::key).containsExactly("min_value");
 * }</pre>
 */
public final class TestSettings {

    private TestSettings() {
    }

    /**
     * @param provider the component's provider
     * @param raw the values as {@code autoscale.toml} would give them, by key
     * @return the settings the engine would hand {@code create}
     * @throws InvalidSettingsException with every problem the engine would report, schema's first, then
     *     {@code validate}'s (which runs only when the schema accepts the values, as in the engine)
     */
    public static Settings resolve(PluginProvider<?> provider, Map<String, ?> raw) throws InvalidSettingsException {
        Settings settings = resolve(provider.settings(), raw);
        List<SettingProblem> problems = provider.validate(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return settings;
    }

    /**
     * @param schema the declared settings
     * @param raw the values, by key
     * @return the settings, checked against the schema only, without any provider's {@code validate}: for testing a
     *     part of a plugin that reads settings
     * @throws InvalidSettingsException with every problem the schema finds
     */
    public static Settings resolve(List<Setting> schema, Map<String, ?> raw) throws InvalidSettingsException {
        try {
            return SettingsResolver.resolve(schema, raw);
        } catch (SettingsException e) {
            throw new InvalidSettingsException(e.problems());
        }
    }

    /**
     * @param provider the component's provider
     * @param raw the values as {@code autoscale.toml} would give them, by key
     * @return every problem the engine would report for them; empty when it would accept them
     */
    public static List<SettingProblem> problems(PluginProvider<?> provider, Map<String, ?> raw) {
        try {
            resolve(provider, raw);
            return List.of();
        } catch (InvalidSettingsException e) {
            return e.problems();
        }
    }
}
