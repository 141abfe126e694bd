package io.autoscalebot.plugin.heroku;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.CapturingLogger;
import io.autoscalebot.testkit.ManualClock;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test against a fresh {@link FakeHerokuApi} serving app {@code my-app}, with a test clock, a sleeper that does not
 * wait and a logger that remembers.
 */
public abstract class AgainstFakeHeroku {

    /** The only token the fake accepts. */
    protected static final String TOKEN = "0123-secret-token-4567";

    /** The plugin instance's state directory. */
    @TempDir
    protected Path state;

    /** The engine's clock, moved by hand and by {@link #sleeper}. */
    protected final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T12:00:00Z"));

    /** Records retry and pacing waits. */
    protected final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** Records what the plugin logs. */
    protected final CapturingLogger logger = new CapturingLogger();

    /** The fake Heroku. */
    protected FakeHerokuApi heroku;

    @BeforeEach
    void startHeroku() throws Exception {
        heroku = FakeHerokuApi.start("my-app", TOKEN);
    }

    @AfterEach
    void stopHeroku() {
        heroku.close();
    }

    /**
     * Creates a component for group {@code web} of {@code my-app} on the fake, with the right token.
     *
     * @param provider the component's provider
     * @param overrides settings to add or replace
     * @return the instance
     * @throws Exception if the settings are invalid or creation failed
     */
    protected <T extends Plugin> T create(PluginProvider<T> provider, Map<String, Object> overrides) throws Exception {
        Map<String, Object> raw = new HashMap<>(Map.of("app", "my-app", "token", TOKEN,
                "api_url", heroku.baseUri().toString()));
        raw.putAll(overrides);
        Settings settings = TestSettings.resolve(provider, raw);
        return provider.create(settings,
                TestContexts.plugin().clock(clock).logger(logger).stateDirectory(state).build());
    }

    /**
     * Waits, polling, until a condition holds.
     *
     * @param what the condition, for the failure message
     * @param condition the condition
     * @throws AssertionError if it did not hold within 5 s
     */
    protected static void eventually(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 5 s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** @return a loopback port nothing listens on, for "cannot be reached" cases */
    protected static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
