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
final class TestGroups {

    ComponentConfig measure;
    ComponentConfig decide;
    ComponentConfig scale;
    List<ComponentConfig> notifiers = List.of();
    Duration interval = Duration.ofMinutes(1);
    Duration timeout = Duration.ofSeconds(5);
    CountSchedule min = CountSchedule.fixed(1);
    CountSchedule max = CountSchedule.fixed(10);
    ZoneId zone = ZoneOffset.UTC;
    NotifyRules rules = new NotifyRules(EnumSet.allOf(EventType.class), 10, Duration.ofMinutes(60));
    Duration setupTimeout = GroupConfig.DEFAULT_SETUP_TIMEOUT;
    Fallback fallback = Fallback.NONE;

    /** @return a measure plugin reading a fixed value with the given clock */
    static Measure steady(Clock clock, double value) {
        return () -> Measurement.of(clock.instant(), value, "ms");
    }

    GroupConfig build(String name) {
        return new GroupConfig(name, interval, timeout, min, max, zone, measure, decide, scale, notifiers, rules,
                setupTimeout, fallback);
    }

    static EngineConfig engine(Path stateDirectory, Set<String> secrets, GroupConfig... groups) {
        return new EngineConfig(stateDirectory.resolve("autoscale.toml"), stateDirectory, List.of(groups), secrets);
    }
}
