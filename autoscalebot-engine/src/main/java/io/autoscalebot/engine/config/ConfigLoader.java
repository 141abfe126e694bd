package io.autoscalebot.engine.config;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.engine.settings.DurationText;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.Validation;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code autoscale.toml}. Every mistake a user can make becomes a {@link ConfigError} at the key it
 * is about, and all of them are reported together.
 */
public final class ConfigLoader {

    private static final List<String> KEYS = List.of("state_dir", "log", "server", "leader", "groups");
    private static final List<String> LOG_KEYS = List.of("summary");
    private static final String DEFAULT_STATE_DIR = ".autoscalebot";
    private static final Duration DEFAULT_TTL = Duration.ofSeconds(15);
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private ConfigLoader() {
    }

    /**
     * Loads a configuration file: every key checked, every plugin setting resolved against the plugin's declaration and
     * then checked by the plugin's own {@code validate}.
     *
     * @param file the {@code autoscale.toml} to read
     * @param catalog the plugins that components may name
     * @param env the environment {@code ${NAME}} references are read from, usually {@link System#getenv()}
     * @return the validated configuration
     * @throws ConfigException listing every problem, each {@code FILE:LINE:COL: message}; an unreadable file is one
     *     error at line 0, column 0
     */
    public static EngineConfig load(Path file, PluginCatalog catalog, Map<String, String> env) throws ConfigException {
        return load(file, catalog, env, Validation.DEFAULT_TIMEOUT);
    }

    /** As {@link #load(Path, PluginCatalog, Map)}, giving each plugin's {@code validate} that long (for tests). */
    static EngineConfig load(Path file, PluginCatalog catalog, Map<String, String> env, Duration validateTimeout)
            throws ConfigException {
        TomlDocument.Parsed document = TomlDocument.parse(file, TomlFile.decode(file, read(file)));
        Set<String> secrets = new LinkedHashSet<>();
        Problems problems = new Problems(file, document.locator(), secrets);
        TomlTable root = new TomlTable(document.root(), KeyPath.ROOT, problems, new EnvInterpolator(env));
        root.rejectUnknownKeys(KEYS);
        Path stateDirectory = stateDirectory(file, root);
        Duration summary = logSummary(root);
        Optional<ServerConfig> server = ServerReader.read(root, secrets);
        ComponentReader components = new ComponentReader(catalog, secrets, validateTimeout);
        Optional<LeaderConfig> leader = leader(root, components);
        List<GroupConfig> groups = groups(root, new GroupReader(components));
        problems.throwIfAny();
        return new EngineConfig(file, stateDirectory, groups, secrets, server, leader, summary);
    }

    /**
     * The component ids a configuration file names, read before any plugin is loaded so that only the plugins offering
     * them need be: the value of every {@code plugin} key, in any table. Only a guide to what to load: {@link #load}
     * still checks every table.
     *
     * @param file the {@code autoscale.toml} to read
     * @return the ids; empty when the file cannot be read or parsed, or a {@code plugin} is not a string, since
     *     reporting that (at its {@code FILE:LINE:COL}) is {@link #load}'s work and may name any plugin
     */
    public static Optional<Set<String>> pluginIds(Path file) {
        try {
            Set<String> ids = new TreeSet<>();
            return pluginIds(TomlDocument.parse(file, TomlFile.decode(file, read(file))).root(), ids)
                    ? Optional.of(ids) : Optional.empty();
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /** @return false when a {@code plugin} key holds anything but a string */
    private static boolean pluginIds(Object value, Set<String> ids) {
        if (value instanceof Map<?, ?> table) {
            for (Map.Entry<?, ?> entry : table.entrySet()) {
                if (ComponentReader.PLUGIN.equals(entry.getKey())) {
                    if (!(entry.getValue() instanceof String id)) {
                        return false;
                    }
                    ids.add(id);
                } else if (!pluginIds(entry.getValue(), ids)) {
                    return false;
                }
            }
        } else if (value instanceof List<?> items) {
            for (Object item : items) {
                if (!pluginIds(item, ids)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] read(Path file) throws ConfigException {
        String problem;
        try {
            if (Files.isDirectory(file)) {
                problem = "is a directory: give the path of the autoscale.toml file in it";
            } else {
                return Files.readAllBytes(file);
            }
        } catch (NoSuchFileException e) {
            problem = "configuration file not found: check the path, or create the file";
        } catch (AccessDeniedException e) {
            problem = "cannot read the configuration file: permission denied";
        } catch (IOException e) {
            problem = "cannot read the configuration file: " + e.getMessage();
        }
        throw new ConfigException(List.of(new ConfigError(file, 0, 0, problem)));
    }

    private static Path stateDirectory(Path file, TomlTable root) {
        Path folder = file.toAbsolutePath().getParent();
        String name = root.typed("state_dir", SettingType.STRING).map(String.class::cast).orElse(DEFAULT_STATE_DIR);
        try {
            if (name.isBlank()) {
                root.error("state_dir", "state_dir is empty: give a folder, like \"" + DEFAULT_STATE_DIR + "\"");
            } else {
                return folder.resolve(name).normalize();
            }
        } catch (InvalidPathException e) {
            root.error("state_dir", "state_dir is not a valid path: " + e.getReason());
        }
        return folder.resolve(DEFAULT_STATE_DIR);
    }

    /**
     * {@code [log]}: {@code summary}, how often one INFO line sums up the ticks since the last; none by default, since
     * at INFO the log already tells every scale, failure and condition change.
     */
    private static Duration logSummary(TomlTable root) {
        Optional<TomlTable> table = root.table("log", "[log] with summary = \"1m\"");
        if (table.isEmpty()) {
            return Duration.ZERO;
        }
        TomlTable log = table.get();
        log.rejectUnknownKeys(LOG_KEYS);
        Duration summary = log.typed("summary", SettingType.DURATION).map(Duration.class::cast).orElse(Duration.ZERO);
        if (summary.isNegative()) {
            log.error("summary", "summary must be 0s (no summary line) or more, like summary = \"1m\"");
            return Duration.ZERO;
        }
        return summary;
    }

    /**
     * {@code [leader]}: {@code plugin}, the engine's {@code ttl} and {@code timeout}, and the plugin's settings. The
     * ttl bounds failover (a standby takes over within twice the ttl), so seconds, not minutes, and at least a second
     * so three renewals fit in it.
     */
    private static Optional<LeaderConfig> leader(TomlTable root, ComponentReader components) {
        if (!root.has("leader")) {
            return Optional.empty();
        }
        Optional<TomlTable> table = root.table("leader", "[leader] with plugin = \"redis\"");
        if (table.isEmpty()) {
            return Optional.empty();
        }
        TomlTable leader = table.get();
        Duration ttl = leader.typed("ttl", SettingType.DURATION).map(Duration.class::cast).orElse(DEFAULT_TTL);
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            leader.error("ttl", "ttl must be at least 1s (a lease is renewed every third of it); like ttl = \"15s\"");
        }
        Duration timeout = leader.typed("timeout", SettingType.DURATION).map(Duration.class::cast)
                .orElse(ttl.dividedBy(5));
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(ttl.dividedBy(3)) > 0) {
            leader.error("timeout", "timeout must be more than 0s and at most a third of ttl ("
                    + DurationText.format(ttl.dividedBy(3)) + "), so a slow lease store cannot outlast a renewal");
        }
        return components.read(leader, Kind.LEASE, LeaderConfig.ENGINE_KEYS)
                .map(lease -> new LeaderConfig(lease, ttl, timeout));
    }

    private static List<GroupConfig> groups(TomlTable root, GroupReader reader) {
        List<GroupConfig> groups = new ArrayList<>();
        if (!root.has("groups")) {
            root.problems().add(KeyPath.ROOT, "no groups: add at least one, like [groups.web] with max and"
                    + " [groups.web.measure], [groups.web.decide] and [groups.web.scale] tables");
            return groups;
        }
        Optional<TomlTable> table = root.table("groups", "[groups.web]");
        if (table.isPresent() && table.get().keys().isEmpty()) {
            root.error("groups", "groups is empty: add at least one group, like [groups.web]");
        }
        for (String name : table.map(TomlTable::keys).orElse(List.of())) {
            if (!GROUP_NAME.matcher(name).matches()) {
                table.get().error(name, "group name '" + name + "' may only have letters, digits, '-' and '_',"
                        + " since it names state files and appears in notifications");
            }
            table.get().table(name, "[groups." + name + "]")
                    .flatMap(group -> reader.read(name, group))
                    .ifPresent(groups::add);
        }
        return groups;
    }
}
