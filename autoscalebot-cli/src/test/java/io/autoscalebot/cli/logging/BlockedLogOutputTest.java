package io.autoscalebot.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ManualClock;
import io.autoscalebot.engine.loop.VirtualScheduler;
import io.autoscalebot.engine.notify.NotifyRules;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.settings.SettingsResolver;
import io.autoscalebot.engine.state.StateStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log output that does not take lines (a stalled terminal, a full pipe) must not hold up the engine: with the
 * {@link AsyncHandler} between them, the engine in virtual time keeps ticking while the output is blocked.
 */
class BlockedLogOutputTest {

    private final CountDownLatch released = new CountDownLatch(1);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Logger engineLogs = Logger.getLogger("io.autoscalebot.engine");
    private AsyncHandler handler;
    private Engine engine;

    @TempDir
    Path stateDir;

    /** An output that blocks at its first write until released (bounded, so a broken test cannot hang the build). */
    private final OutputStream blocking = new OutputStream() {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (written) {
                written.write(b, off, len);
            }
        }
    };

    @AfterEach
    void cleanUp() {
        released.countDown();
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
        if (handler != null) {
            engineLogs.removeHandler(handler);
            handler.close();
        }
        engineLogs.setUseParentHandlers(true);
        engineLogs.setLevel(null);
    }

    @Test
    void ticksGoOnWhileTheLogOutputIsBlockedAndLinesDroppedAreCountedThenReported() throws Exception {
        StreamHandler sink = new StreamHandler(blocking, new LineFormatter());
        sink.setLevel(Level.ALL);
        handler = new AsyncHandler(sink, 4);
        engineLogs.addHandler(handler);
        engineLogs.setUseParentHandlers(false);
        engineLogs.setLevel(Level.INFO);
        AtomicInteger scaled = new AtomicInteger();
        List<GroupConfig> groups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            groups.add(group("g" + i, scaled));
        }
        ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        engine = new Engine(new EngineConfig(stateDir.resolve("autoscale.toml"), stateDir, groups, Set.of()), clock,
                scheduler, StateStore.inMemory(), EngineOptions.DEFAULT.withLoggers(System::getLogger));

        // when: every group scales (an INFO line) at every tick for 20 intervals, the output taking nothing
        engine.start();
        scheduler.advance(Duration.ofMinutes(19));

        // then: every tick ran, and what did not fit the queue was dropped, not waited for
        assertThat(scaled).hasValue(5 * 20);
        assertThat(engine.lateness().count()).isEqualTo(5 * 20);
        assertThat(handler.dropped()).isGreaterThan(0);

        // and once the output takes lines again, the count of dropped lines is reported with what was queued
        released.countDown();
        handler.flush();
        String text;
        synchronized (written) {
            text = written.toString(StandardCharsets.UTF_8);
        }
        assertThat(text).contains("log lines (DEBUG/INFO) were dropped: the output (terminal or pipe) was too slow");
    }

    @Test
    void aWarningIsNeverDroppedItTakesThePlaceOfAnInfoLine() {
        // Blocks in publish, not at the stream: a StreamHandler buffers, so its stream blocks only at a flush, and how
        // many lines the writer took before that would depend on how fast the two threads ran. Blocking at the first
        // line, the writer holds at most one line and the queue two, so at least 8 of the 11 are dropped, whatever
        // the timing.
        StreamHandler sink = new StreamHandler(blocking, new LineFormatter()) {
            @Override
            public synchronized void publish(LogRecord logRecord) {
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.publish(logRecord);
            }
        };
        sink.setLevel(Level.ALL);
        handler = new AsyncHandler(sink, 2);
        Logger logger = Logger.getLogger("io.autoscalebot.engine.test-warnings");
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            for (int i = 0; i < 10; i++) {
                logger.info("routine " + i);
            }
            logger.warning("the important one");
            released.countDown();
            handler.close();
        } finally {
            logger.removeHandler(handler);
        }
        String text;
        synchronized (written) {
            text = written.toString(StandardCharsets.UTF_8);
        }
        assertThat(text).contains("the important one").contains("were dropped");
        assertThat(handler.dropped()).isGreaterThanOrEqualTo(8);
    }

    private static GroupConfig group(String name, AtomicInteger scaled) throws Exception {
        return new GroupConfig(name, Duration.ofMinutes(1), Duration.ofSeconds(5), CountSchedule.fixed(1),
                CountSchedule.fixed(1_000_000), ZoneOffset.UTC,
                configure(new MeasureProvider() {
                    @Override public String id() { return "steady"; }
                    @Override public String description() { return "1500 ms"; }
                    @Override public Measure create(Settings settings, PluginContext context) {
                        return () -> Measurement.of(context.clock().instant(), 1500, "ms");
                    }
                }),
                configure(new DecideProvider() {
                    @Override public String id() { return "up"; }
                    @Override public String description() { return "one more"; }
                    @Override public Decide create(Settings settings, PluginContext context) {
                        return decide -> Decision.scaleTo(decide.current() + 1, "busy");
                    }
                }),
                configure(new ScaleProvider() {
                    @Override public String id() { return "counting"; }
                    @Override public String description() { return "counts"; }
                    @Override public Scale create(Settings settings, PluginContext context) {
                        return new CountingScale(scaled);
                    }
                }),
                List.of(), new NotifyRules(EnumSet.noneOf(EventType.class), 1_000, Duration.ofMinutes(1)));
    }

    private static ComponentConfig configure(io.autoscalebot.api.PluginProvider<?> provider) throws Exception {
        return new ComponentConfig(Component.builtIn(provider), SettingsResolver.resolve(List.of(), Map.of()),
                "autoscale.toml:1:1");
    }

    /** Counts scale calls. */
    private static final class CountingScale implements Scale {
        private final AtomicInteger scaled;
        private int current = 1;

        CountingScale(AtomicInteger scaled) {
            this.scaled = scaled;
        }

        @Override
        public int current() {
            return current;
        }

        @Override
        public int scaleTo(int target) {
            scaled.incrementAndGet();
            current = target;
            return current;
        }
    }
}
