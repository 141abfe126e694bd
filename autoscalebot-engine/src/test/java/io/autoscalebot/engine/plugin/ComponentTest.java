package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.Kind;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentTest {

    private final ClassLoader pluginLoader = new URLClassLoader("plugin", new URL[0], null);
    private final Component component = new Component(new PluginListingTest.QueueDepthProvider(), "queue",
            "1.0.0", pluginLoader, "queue-depth", Kind.MEASURE, "Depth of the queue.", List.of());

    @Test
    void callRunsWithTheComponentsLoaderAsContextLoader() throws Exception {
        ClassLoader seen = component.call(() -> Thread.currentThread().getContextClassLoader());

        assertThat(seen).isSameAs(pluginLoader);
    }

    @Test
    void callRestoresThePreviousContextLoader() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        component.call(() -> "done");

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void callRestoresThePreviousContextLoaderWhenTheCallThrowsAndPassesTheExceptionOn() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThatThrownBy(() -> component.call(() -> {
            throw new IllegalStateException("queue unreachable");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("queue unreachable");

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
