package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.lease.LeaseProvider;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the providers a plugin's layer offers, creates them, and reads their id, kind, description and settings once,
 * so a provider that throws or answers garbage is caught while loading rather than in a group's loop; the
 * {@link Component} keeps those answers.
 */
final class ProviderScanner {

    private ProviderScanner() {
    }

    /**
     * @param layer the plugin's own layer
     * @param pluginId the plugin's id
     * @param pluginVersion the plugin's version
     * @param location the plugin, as shown to the user
     * @return the plugin's components, in kind order then the order the layer lists them
     * @throws LoadProblem when it has none, or one fails or is invalid
     */
    static List<Component> scan(ModuleLayer layer, String pluginId, String pluginVersion, Object location)
            throws LoadProblem {
        List<Component> components = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Kind kind : Kind.values()) {
            for (ServiceLoader.Provider<? extends PluginProvider<?>> found : ownProviders(layer, kind, location)) {
                Component component = create(found, kind, pluginId, pluginVersion, location);
                if (!seen.add(kind.label() + " " + component.id())) {
                    throw LoadProblem.broken(location + ": offers two " + kind.label() + " components with id '"
                            + component.id() + "'; ask the plugin's author to give each its own id");
                }
                components.add(component);
            }
        }
        if (components.isEmpty()) {
            throw LoadProblem.broken(location + ": offers no measure, decide, scale, notify or lease component; a plugin "
                    + "declares them with \"provides io.autoscalebot.api.measure.MeasureProvider with ...\" in "
                    + "module-info.java, or in META-INF/services/ when it has no module-info");
        }
        return components;
    }

    /** ServiceLoader also returns the parent layers' providers (bundled plugins, the engine's); keep only ours. */
    private static List<ServiceLoader.Provider<? extends PluginProvider<?>>> ownProviders(
            ModuleLayer layer, Kind kind, Object location) throws LoadProblem {
        try {
            return ServiceLoader.load(layer, serviceType(kind)).stream()
                    .filter(provider -> provider.type().getModule().getLayer() == layer)
                    .<ServiceLoader.Provider<? extends PluginProvider<?>>>map(provider -> provider)
                    .toList();
        } catch (ServiceConfigurationError | LinkageError e) {
            throw LoadProblem.broken(JdkFailures.describe(location, e));
        }
    }

    private static Component create(ServiceLoader.Provider<? extends PluginProvider<?>> found, Kind kind,
                                    String pluginId, String pluginVersion, Object location) throws LoadProblem {
        String type = found.type().getName();
        ClassLoader loader = found.type().getClassLoader();
        try {
            PluginProvider<?> provider = ContextLoader.call(loader, found::get);
            Answers answers = ContextLoader.call(loader, () -> Answers.of(provider));
            checkAnswers(answers, kind, type, location);
            // What was checked is what the engine uses from now on: the provider is not asked again.
            return new Component(provider, pluginId, pluginVersion, loader, answers.id(), answers.kind(), answers.description(),
                    answers.settings());
        } catch (LoadProblem problem) {
            throw problem;
        } catch (ServiceConfigurationError e) {
            // The error wraps what the constructor threw; that is the part worth showing.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw failed(location, type, cause);
        } catch (Exception | LinkageError e) {
            throw failed(location, type, e);
        }
    }

    private static void checkAnswers(Answers answers, Kind kind, String type, Object location) throws LoadProblem {
        String prefix = location + ": " + type + " ";
        if (answers.kind() != kind) {
            throw invalid(prefix + "is registered as a " + kind.label() + " provider but says its kind is "
                    + answers.kind());
        }
        if (!PluginDescriptor.isValidId(answers.id())) {
            throw invalid(prefix + "has id '" + answers.id() + "', which is not lower-case letters, digits and dashes "
                    + "like response-time");
        }
        if (answers.description() == null || answers.description().isBlank()) {
            throw invalid(prefix + "has no description");
        }
        if (answers.settings() == null) {
            throw invalid(prefix + "returns null settings");
        }
        Set<String> names = new HashSet<>();
        for (Setting setting : answers.settings()) {
            if (setting == null || !names.add(setting.name())) {
                throw invalid(prefix + "declares " + (setting == null ? "a null setting" : "setting '"
                        + setting.name() + "' twice"));
            }
        }
    }

    private static LoadProblem invalid(String what) {
        return LoadProblem.broken(what + "; ask the plugin's author for a fixed release");
    }

    private static LoadProblem failed(Object location, String type, Throwable failure) {
        String what = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + JdkFailures.detail(failure);
        return LoadProblem.broken(location + ": " + type + " failed while loading: " + what + "; "
                + JdkFailures.ASK_AUTHOR);
    }

    private static Class<? extends PluginProvider<?>> serviceType(Kind kind) {
        return switch (kind) {
            case MEASURE -> MeasureProvider.class;
            case DECIDE -> DecideProvider.class;
            case SCALE -> ScaleProvider.class;
            case NOTIFY -> NotifyProvider.class;
            case LEASE -> LeaseProvider.class;
        };
    }

    /** What a provider says about itself, read once while loading. */
    private record Answers(String id, String description, Kind kind, List<Setting> settings) {

        static Answers of(PluginProvider<?> provider) {
            List<Setting> settings = provider.settings();
            // A copy, so a list the provider changes later cannot change what was checked.
            return new Answers(provider.id(), provider.description(), provider.kind(),
                    settings == null ? null : new ArrayList<>(settings));
        }
    }
}
