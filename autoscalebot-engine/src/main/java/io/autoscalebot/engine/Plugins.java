package io.autoscalebot.engine;

import io.autoscalebot.api.Kind;
import io.autoscalebot.engine.config.SettingsDocs;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInfo;
import io.autoscalebot.engine.plugin.PluginListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The plugins found, loaded or not, and what {@code autoscalebot plugins list|describe|docs} shows of them. Immutable,
 * but for loading the plugins left out ({@link Autoscalebot#loadPluginsFor}) the first time they are needed.
 */
public final class Plugins {

    private final PluginCatalog catalog;
    private final Supplier<PluginCatalog> everything;
    private Plugins all;

    Plugins(PluginCatalog catalog) {
        this(catalog, () -> catalog);
    }

    /**
     * @param catalog the plugins loaded
     * @param everything loads every plugin found, when {@code catalog} left some out
     */
    Plugins(PluginCatalog catalog, Supplier<PluginCatalog> everything) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.everything = Objects.requireNonNull(everything, "everything");
    }

    PluginCatalog catalog() {
        return catalog;
    }

    /**
     * @return these plugins when none was left out, else every plugin found (loaded once, on first call): for messages
     *     that list every component there is
     */
    synchronized Plugins all() {
        if (catalog.complete()) {
            return this;
        }
        if (all == null) {
            all = new Plugins(everything.get());
        }
        return all;
    }

    /** @return one row per plugin (id, version, API range, status, kinds, location), its components or problem under it */
    public String table() {
        return PluginListing.table(catalog);
    }

    /** @return the same as {@link #table()} as indented JSON, for scripts */
    public String json() {
        return PluginListing.json(catalog);
    }

    /**
     * @return for every plugin found that did not load (incompatible, broken, a duplicate id): what is wrong and what to
     *     do, naming its file, in the order found
     */
    public List<String> problems() {
        return catalog.problems().stream().map(PluginInfo::problem).toList();
    }

    /**
     * The settings of a component (types, defaults, docs), or of every component of a plugin.
     *
     * @param id a component id ({@code response-time}) or a plugin id
     * @return the text, or empty when no loaded plugin has that id; {@link #notLoaded(String)} then says why
     */
    public Optional<String> describe(String id) {
        List<Component> matches = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            catalog.find(kind, id).ifPresent(matches::add);
        }
        if (matches.isEmpty()) {
            catalog.plugins().stream()
                    .filter(p -> p.id().equals(id) && p.status() == PluginInfo.Status.LOADED)
                    .forEach(p -> matches.addAll(p.components()));
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(matches.stream().map(SettingsDocs::text).collect(Collectors.joining(System.lineSeparator())));
    }

    /**
     * @param id an id {@link #describe(String)} found nothing for
     * @return {@code no plugin 'x' is loaded (why, when it was found but did not load); available: a, b}
     */
    public String notLoaded(String id) {
        String problem = catalog.unusable(id).map(p -> " (" + p.problem() + ")").orElse("");
        String available = catalog.plugins().stream().flatMap(p -> p.components().stream())
                .map(Component::id).distinct().sorted().collect(Collectors.joining(", "));
        return "no plugin '" + id + "' is loaded" + problem
                + (available.isEmpty() ? "; no plugins were found" : "; available: " + available);
    }

    /**
     * The documentation page of every loaded component, from its declared settings: {@code docs/plugins/ID.md}.
     *
     * @return markdown by component id, sorted; one page per id even when a plugin offers it in two roles
     *     ({@code app-decision} measures and decides)
     */
    public SortedMap<String, String> docsPages() {
        SortedMap<String, List<String>> sections = new TreeMap<>();
        for (PluginInfo plugin : catalog.plugins()) {
            if (plugin.status() != PluginInfo.Status.LOADED) {
                continue;
            }
            for (Component component : plugin.components()) {
                sections.computeIfAbsent(component.id(), id -> new ArrayList<>())
                        .add(SettingsDocs.markdown(component, plugin.version()));
            }
        }
        SortedMap<String, String> pages = new TreeMap<>();
        sections.forEach((id, parts) -> pages.put(id, String.join(System.lineSeparator(), parts)));
        return pages;
    }
}
