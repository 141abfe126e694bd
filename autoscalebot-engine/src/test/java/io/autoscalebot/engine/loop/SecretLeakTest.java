package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.state.FileStateStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plugin failing with a server's answer that echoes the group's secret, in each form a server writes it: the secret
 * reaches none of the engine's outputs (notifications and their details, the tick summary {@code run --once} prints,
 * the log lines), while the rest of the message still does.
 */
class SecretLeakTest {

    private static final String PASSWORD = "s3cret/pässword";
    private static final String USER_AND_PASSWORD = "deploy:" + PASSWORD;

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final RecordingLogger log = new RecordingLogger();
    private Engine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    static List<String> echoes() {
        return List.of(PASSWORD,
                PASSWORD.replace("/", "\\/").replace("ä", "\\u00e4"),
                PASSWORD.chars().mapToObj(c -> String.format(Locale.ROOT, "\\u%04X", c))
                        .collect(Collectors.joining()),
                URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
                "Basic " + Base64.getEncoder().encodeToString(USER_AND_PASSWORD.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("echoes")
    void aSecretEchoedInAnyFormReachesNoOutput(String echo) {
        RecordingNotify notes = new RecordingNotify();
        TestGroups web = new TestGroups();
        web.measure = TestPlugins.measure("leaky", () -> {
            throw new PluginException("401 from the app; the response starts with: {\"sent\":\"" + echo + "\"}");
        });
        web.decide = TestPlugins.decide("hold", context -> Decision.hold("steady"));
        web.scale = TestPlugins.scale("fake", new FakeScale(2));
        web.notifiers = List.of(TestPlugins.notifier("recording", notes));
        engine = new Engine(TestGroups.engine(stateDir, Set.of(PASSWORD, USER_AND_PASSWORD), web.build("web")),
                clock, new VirtualScheduler(clock), new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));

        TickReport report = engine.runOnce().get(0);

        List<String> outputs = new ArrayList<>(log.lines());
        outputs.add(report.summary());
        for (Notification notification : notes.received) {
            outputs.add(notification.message());
            outputs.addAll(notification.details().values());
        }
        assertThat(notes.received).isNotEmpty();
        assertThat(outputs).anyMatch(text -> text.contains("401 from the app; the response starts with: {\"sent\":\""))
                .noneMatch(text -> text.contains(echo.substring(echo.length() / 2 - 3, echo.length() / 2 + 3)));
    }
}
