package io.autoscalebot.engine;

import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.config.ShortList;
import io.autoscalebot.engine.notify.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A validated {@code autoscale.toml}, ready to run or simulate. Immutable. */
public final class Configuration {

    private final EngineConfig config;

    Configuration(EngineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the file it was read from */
    public Path file() {
        return config.file();
    }

    /** @return its groups, in file order */
    public List<Group> groups() {
        return config.groups().stream().map(Group::of).toList();
    }

    /**
     * @return every group {@link Group#describe() described}, {@code "; "} between them, the first
     *     {@value ShortList#SHOWN} then how many more: a generated file can hold thousands
     */
    public String describeGroups() {
        return ShortList.join(groups().stream().map(Group::describe).toList(), "; ");
    }

    /** @return the names of its groups, the first {@value ShortList#SHOWN} then how many more, for messages */
    public String groupNames() {
        return ShortList.join(config.groups().stream().map(GroupConfig::name).toList(), ", ");
    }

    /** @return the group of that name, if there is one */
    public Optional<Group> group(String name) {
        return groups().stream().filter(group -> group.name().equals(name)).findFirst();
    }

    /**
     * The configuration as the engine's internal packages hold it, for the modules that
     * {@code io.autoscalebot.engine.config} is exported to (the simulator): every other module can call this but
     * cannot use what it returns, so the facade stays the only way in for them.
     *
     * @return the internal form
     */
    @SuppressWarnings("exports") // EngineConfig is exported only to the modules built on the engine, on purpose
    public EngineConfig engineConfig() {
        return config;
    }

    /**
     * One process group, as {@code config validate} sums it up.
     *
     * @param name the group's name ({@code web})
     * @param interval the time between its ticks
     * @param measure the id of its measure component
     * @param decide the id of its decide component
     * @param scale the id of its scale component
     */
    public record Group(String name, Duration interval, String measure, String decide, String scale) {

        /** Checks the parts. */
        public Group {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(decide, "decide");
            Objects.requireNonNull(scale, "scale");
        }

        static Group of(GroupConfig group) {
            return new Group(group.name(), group.interval(), group.measure().component().id(),
                    group.decide().component().id(), group.scale().component().id());
        }

        /** @return {@code web (every 30 s, measure response-time, decide consecutive-threshold, scale heroku)} */
        public String describe() {
            return name + " (every " + Durations.human(interval) + ", measure " + measure + ", decide " + decide
                    + ", scale " + scale + ")";
        }
    }
}
