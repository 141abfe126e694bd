package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallsTest {

    private final PluginCalls calls = new PluginCalls();

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void setsThePluginsLoaderAsContextClassLoaderDuringTheCall() throws Exception {
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            CallResult<ClassLoader> result = calls.call(pluginLoader, Duration.ofSeconds(5),
                    () -> Thread.currentThread().getContextClassLoader());

            assertThat(result.value()).isSameAs(pluginLoader);
        }
    }

    @Test
    void showsAPluginExceptionsMessageAsIsAndAnyOtherAsAPluginBug() {
        ClassLoader loader = getClass().getClassLoader();

        CallResult<Object> expected = calls.call(loader, Duration.ofSeconds(5), () -> {
            throw new PluginException("Heroku refused the token; create a new one with heroku authorizations:create");
        });
        CallResult<Object> bug = calls.call(loader, Duration.ofSeconds(5), () -> {
            throw new NullPointerException("settings");
        });

        assertThat(expected.failure())
                .isEqualTo("Heroku refused the token; create a new one with heroku authorizations:create");
        assertThat(bug.failure()).isEqualTo("plugin bug: NullPointerException: settings");
    }
}
