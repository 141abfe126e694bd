package io.autoscalebot.simulate;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.NotifyRules;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.settings.SettingsException;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Groups to simulate, built directly, and a small decide plugin whose rule a test can follow by hand. Public for the
 * report tests, which render what a real simulation returns.
 */
public final class SimulatedGroups {

    Duration interval = Duration.ofMinutes(1);
    CountSchedule min = CountSchedule.fixed(1);
    CountSchedule max = CountSchedule.fixed(20);
    String measurePlugin = "response-time";
    NotifyRules rules = NotifyRules.DEFAULTS;
    ComponentConfig decide;

    /** @param decideProvider the decide component the groups name */
    public SimulatedGroups(PluginProvider<?> decideProvider) {
        this.decide = configure(decideProvider);
    }

    /**
     * @param name the group's name
     * @return a group deciding with the decide component, the other parts as set on this object
     */
    public GroupConfig build(String name) {
        return new GroupConfig(name, interval, Duration.ofSeconds(5), min, max, ZoneOffset.UTC,
                configure(new UnusedMeasure(measurePlugin)), decide, configure(new UnusedScale()), List.of(), rules);
    }

    static ComponentConfig configure(PluginProvider<?> provider) {
        return configure(Component.builtIn(provider));
    }

    static ComponentConfig configure(Component component) {
        try {
            return new ComponentConfig(component, SettingsResolver.resolve(List.of(), Map.of()), "autoscale.toml:7:1");
        } catch (SettingsException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Scales one process at a time: up while the latest measurement is above {@code high}, down while below
     * {@code low}, and holds for {@code wait} after any scale, read from the last scale the engine passes in.
     * Records every context it is given.
     */
    public static final class Stepper implements DecideProvider, Decide {
        final double low;
        final double high;
        final Duration wait;
        final List<DecideContext> seen = new ArrayList<>();
        final List<ClassLoader> contextLoaders = new ArrayList<>();
        PluginContext created;
        int beforeTicks;
        boolean tornDown;

        /**
         * @param low the measurement below which it scales down
         * @param high the measurement above which it scales up
         * @param wait how long it holds after a scale
         */
        public Stepper(double low, double high, Duration wait) {
            this.low = low;
            this.high = high;
            this.wait = wait;
        }

        @Override
        public String id() {
            return "stepper";
        }

        @Override
        public String description() {
            return "one process at a time, with a wait after each scale";
        }

        @Override
        public Decide create(Settings settings, PluginContext context) {
            created = context;
            return this;
        }

        @Override
        public void beforeTick() {
            beforeTicks++;
        }

        @Override
        public void teardown() {
            tornDown = true;
        }

        @Override
        public int historySize() {
            return 3;
        }

        @Override
        public Decision decide(DecideContext context) {
            seen.add(context);
            contextLoaders.add(Thread.currentThread().getContextClassLoader());
            double latest = context.history().get(context.history().size() - 1).value();
            if (context.lastScale().isPresent()
                    && context.lastScale().get().time().plus(wait).isAfter(context.now())) {
                return Decision.hold("waiting after the last scale");
            }
            if (latest > high) {
                return Decision.scaleTo(context.current() + 1, latest + " above " + high);
            }
            if (latest < low && context.current() > 0) {
                return Decision.scaleTo(context.current() - 1, latest + " below " + low);
            }
            return Decision.hold("within bounds");
        }
    }

    /** Creates a decide plugin, or fails to, as a test wants. */
    @FunctionalInterface
    interface Creator {
        Decide create(PluginContext context) throws Exception;
    }

    /**
     * A decide provider with nothing to configure.
     *
     * @param id the id the group names
     * @param creator what {@code create} does
     */
    record Named(String id, Creator creator) implements DecideProvider {
        @Override
        public String description() {
            return "test decide plugin " + id;
        }

        @Override
        public Decide create(Settings settings, PluginContext context) throws Exception {
            return creator.create(context);
        }
    }

    /**
     * Keeps the busy fraction near {@code target} the way a target-tracking policy does: {@code ceil(current x
     * measured / target)}, at least one. Keeps nothing per tick, so it can decide months of ticks.
     */
    static DecideProvider proportional(double target) {
        Decide decide = context -> {
            double busy = context.latest().map(Measurement::value).orElse(target);
            int wanted = Math.max(1, (int) Math.ceil(Math.max(1, context.current()) * busy / target));
            return wanted == context.current() ? Decision.hold("on target") : Decision.scaleTo(wanted, "busy " + busy);
        };
        return new Named("proportional", context -> decide);
    }

    /** The measure component a group names; a simulation models its reading and never calls it. */
    private record UnusedMeasure(String id) implements MeasureProvider {
        @Override
        public String description() {
            return "modelled in simulations";
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            return () -> Measurement.failed(context.clock().instant(), "a simulation must not measure");
        }
    }

    /** The scale component a group names; a simulation scales its model instead. */
    private static final class UnusedScale implements ScaleProvider {
        @Override
        public String id() {
            return "unused-scale";
        }

        @Override
        public String description() {
            return "replaced by the fleet model in simulations";
        }

        @Override
        public Scale create(Settings settings, PluginContext context) {
            throw new AssertionError("a simulation must not create the scale plugin");
        }
    }
}
