package io.autoscalebot.engine.loop;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.Fallback;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.NotifyRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds GroupConfig and EngineConfig records directly, with defaults a test overrides as needed. */
public final class TestGroups {

    public ComponentConfig measure;
    public ComponentConfig decide;
    public ComponentConfig scale;
    public List<ComponentConfig> notifiers = List.of();
    public Duration interval = Duration.ofMinutes(1);
    public Duration timeout = Duration.ofSeconds(5);
    public CountSchedule min = CountSchedule.fixed(1);
    public CountSchedule max = CountSchedule.fixed(10);
    public ZoneId zone = ZoneOffset.UTC;
    public NotifyRules rules = new NotifyRules(EnumSet.allOf(EventType.class), 10, Duration.ofMinutes(60));
    public Duration setupTimeout = GroupConfig.DEFAULT_SETUP_TIMEOUT;
    public Fallback fallback = Fallback.NONE;

    /** @return a measure plugin reading a fixed value with the given clock */
    public static Measure steady(Clock clock, double value) {
        return () -> Measurement.of(clock.instant(), value, "ms");
    }

    public GroupConfig build(String name) {
        return new GroupConfig(name, interval, timeout, min, max, zone, measure, decide, scale, notifiers, rules,
                setupTimeout, fallback);
    }

    public static EngineConfig engine(Path stateDirectory, Set<String> secrets, GroupConfig... groups) {
        return new EngineConfig(stateDirectory.resolve("autoscale.toml"), stateDirectory, List.of(groups), secrets);
    }
}
