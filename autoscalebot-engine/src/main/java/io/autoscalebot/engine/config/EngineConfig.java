package io.autoscalebot.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole validated {@code autoscale.toml}.
 *
 * @param file the file it was read from
 * @param stateDirectory where state that survives a restart is kept ({@code state_dir}, default {@code .autoscalebot}
 *     beside the file)
 * @param groups the groups, in file order
 * @param secrets every secret value in the file (settings declared secret), so the engine can redact them from any text
 * @param server the status server's settings ({@code [server]}); empty when it is off, the default
 * @param leader the {@code [leader]} section; empty when one instance runs the configuration alone
 * @param logSummary {@code [log] summary}: how often one INFO line sums up the ticks since the last;
 *     {@link Duration#ZERO} for none, the default
 */
public record EngineConfig(Path file, Path stateDirectory, List<GroupConfig> groups, Set<String> secrets,
                           Optional<ServerConfig> server, Optional<LeaderConfig> leader, Duration logSummary) {

    /** Checks and copies. */
    public EngineConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(leader, "leader");
        groups = List.copyOf(groups);
        secrets = Set.copyOf(secrets);
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(logSummary, "logSummary");
    }

    /** A configuration without a summary line. */
    public EngineConfig(Path file, Path stateDirectory, List<GroupConfig> groups, Set<String> secrets,
                        Optional<ServerConfig> server, Optional<LeaderConfig> leader) {
        this(file, stateDirectory, groups, secrets, server, leader, Duration.ZERO);
    }

    /** A configuration without a status server or {@code [leader]}. */
    public EngineConfig(Path file, Path stateDirectory, List<GroupConfig> groups, Set<String> secrets) {
        this(file, stateDirectory, groups, secrets, Optional.empty(), Optional.empty(), Duration.ZERO);
    }
}
