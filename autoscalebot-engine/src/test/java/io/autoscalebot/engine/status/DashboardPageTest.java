package io.autoscalebot.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ManualClock;
import io.autoscalebot.engine.loop.RecordingLogger;
import io.autoscalebot.engine.loop.TestGroups;
import io.autoscalebot.engine.loop.TestPlugins;
import io.autoscalebot.engine.loop.VirtualScheduler;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard after ticks in virtual time: "web <&> 'edge'" scales up once with a reason that quotes a secret and
 * markup, and "idle" has not ticked yet.
 */
class DashboardPageTest {

    private static final String SECRET = "s3cr3t-t0ken-9f8e7d";
    private static final String WEB = "web <&> 'edge\"";

    /** Scales up by one with a reason holding markup and the secret; draws its thresholds. */
    private static final Decide ONE_MORE = new Decide() {
        @Override
        public Decision decide(DecideContext context) {
            return Decision.scaleTo(context.current() + 1, "<script>alert(1)</script> busy with key " + SECRET);
        }

        @Override
        public List<GuideLine> guideLines() {
            return List.of(new GuideLine("scale up above", 1200), new GuideLine("scale down below", 400));
        }
    };

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private Engine engine;

    private String pageAfterTwoTicks(Role role) {
        TestGroups web = new TestGroups();
        web.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        web.decide = TestPlugins.decide("one-more", ONE_MORE);
        web.scale = TestPlugins.scale("fake", new TestPlugins.FakeScale(2));
        web.max = CountSchedule.fixed(3);
        TestGroups idle = new TestGroups();
        idle.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 10));
        idle.decide = TestPlugins.decide("hold", context -> Decision.hold("quiet"));
        idle.scale = TestPlugins.scale("fake", new TestPlugins.FakeScale(1));
        EngineConfig config = TestGroups.engine(stateDir, Set.of(SECRET), web.build(WEB), idle.build("idle"));
        StatusBoard board = new StatusBoard(config.groups().stream().map(g -> g.name()).toList(),
                new EngineMetrics(Engine.latenessBounds(), "1.2.3"), false, Redactor.of(config.secrets())::redact);
        engine = new Engine(config, clock, scheduler, new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log), new OnlyFirstGroup(board, WEB));
        engine.start();
        scheduler.runDue();
        scheduler.advance(Duration.ofMinutes(1));
        return new DashboardPage(board, role, clock, Duration.ofSeconds(7)).write();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void showsEveryGroupEscapedWithItsCountBandGuideLinesAndScale() {
        String page = pageAfterTwoTicks(Role.ACTIVE);

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<meta http-equiv=\"refresh\" content=\"7\">")
                .contains("<b>active</b>");
        assertThat(page).contains("data-group=\"web &lt;&amp;&gt; 'edge&quot;\"")
                .contains("<h2>web &lt;&amp;&gt; 'edge&quot;</h2>").doesNotContain(WEB);
        assertThat(page).contains("data-group=\"idle\"").contains("No tick yet.");
        // Scaled 2 -> 3 at the first tick, then held at the max of 3.
        assertThat(page).contains("<span class=\"count\">3 processes</span>").contains("min 1, max 3");
        assertThat(page).contains("<tr class=\"event\"><td>2026-03-10 12:00:00 UTC</td><td>2</td><td>3</td>");
        assertThat(page).contains("class=\"band\"").contains("class=\"marker\"");
        assertThat(page).contains("<title>scale up above 1,200</title>").contains("<title>scale down below 400</title>");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; busy with key " + Redactor.MASK)
                .doesNotContain("<script").doesNotContain(SECRET);
        assertThat(page).as("no external resource").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("src=");
    }

    @Test
    void saysWhetherThisInstanceLeadsOrStandsBy() {
        assertThat(pageAfterTwoTicks(() -> Optional.of("standby"))).contains("<b>standby</b>")
                .contains("another instance holds the lease");
    }

    /** Passes on only one group's ticks, so the other one shows as not ticked yet. */
    private record OnlyFirstGroup(StatusBoard board, String group) implements io.autoscalebot.engine.loop.TickListener {
        @Override
        public void ticked(io.autoscalebot.engine.loop.TickPipeline.Result result,
                           io.autoscalebot.engine.state.GroupState state) {
            if (result.report().group().equals(group)) {
                board.ticked(result, state);
            }
        }

        @Override
        public void guides(String group, List<GuideLine> lines) {
            board.guides(group, lines);
        }
    }
}
