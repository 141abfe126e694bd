package io.autoscalebot.plugin.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import jakarta.mail.internet.MimeMessage;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the plugin the way the engine does: as named modules in a layer of their own, beside the libraries of its
 * folder, and sends through GreenMail. The layer's classes are not the test's, so they are reached by reflection.
 */
class EmailPluginLayerTest {

    private static final String PLUGIN_MODULE = "io.autoscalebot.plugin.email";

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(EmailFixtures.loopback(ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path state;

    @Test
    void sendsFromAModuleLayerWhateverContextClassLoaderTheCallerHas() throws Exception {
        ModuleLayer layer = pluginLayer();
        ClassLoader loader = layer.findLoader(PLUGIN_MODULE);
        Class<?> providerType = loader.loadClass("io.autoscalebot.api.notify.NotifyProvider");
        Object provider = ServiceLoader.load(layer, providerType).findFirst().orElseThrow();
        assertThat(provider.getClass().getModule().getName()).isEqualTo(PLUGIN_MODULE);

        // The class path also holds Angus Mail: a provider lookup through the test's loader would find the wrong copy.
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        invoke(loader, "io.autoscalebot.api.notify.Notify", "notify", created(loader, provider), notification(loader));

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[autoscalebot] web: SCALE scaled 2 -> 3");
    }

    private static ModuleLayer pluginLayer() throws URISyntaxException {
        // The plugin folder as the distribution ships it: the plugin, the API it was built against, and its libraries.
        ModuleFinder folder = ModuleFinder.of(locationOf(EmailNotifyProvider.class), locationOf(PluginProvider.class),
                locationOf(jakarta.mail.Session.class), locationOf(jakarta.activation.DataHandler.class),
                locationOf(org.eclipse.angus.mail.smtp.SMTPTransport.class),
                locationOf("org.eclipse.angus.activation.MailcapRegistryProviderImpl"));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(folder, ModuleFinder.of(), Set.of(PLUGIN_MODULE));
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    private Object created(ClassLoader loader, Object provider) throws Exception {
        Object settings = bridge(loader, Settings.class, TestSettings.resolve(new EmailNotifyProvider(),
                Map.of("host", "127.0.0.1", "port", MAIL.getSmtp().getPort(), "security", "none",
                        "from", "bot@example.com", "to", "ops@example.com")));
        Object context = bridge(loader, PluginContext.class,
                TestContexts.plugin().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).stateDirectory(state).build());
        return invoke(loader, "io.autoscalebot.api.PluginProvider", "create", provider, settings, context);
    }

    private static Object notification(ClassLoader loader) throws Exception {
        return bridge(loader, Notification.class, TestContexts.notification()
                .message("web: scaled 2 -> 3").details(Map.of("from", "2", "to", "3")).build());
    }

    /**
     * The layer's copy of an API interface, answering as {@code target} (built with the test's own copy of the API)
     * answers: the plugin sees only its layer's types, so an enum answer is mapped to the layer's enum by name. Only
     * answers of JDK types and enums cross; the e-mail plugin asks for nothing else.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object bridge(ClassLoader loader, Class<?> type, Object target) throws ClassNotFoundException {
        Class<?> layerType = loader.loadClass(type.getName());
        return Proxy.newProxyInstance(loader, new Class<?>[] {layerType}, (proxy, method, args) -> {
            Object answer = type.getMethod(method.getName(), method.getParameterTypes()).invoke(target, args);
            return answer instanceof Enum<?> constant && method.getReturnType().isEnum()
                    ? Enum.valueOf((Class) method.getReturnType(), constant.name()) : answer;
        });
    }

    private static Object invoke(ClassLoader loader, String type, String name, Object target, Object... arguments)
            throws Exception {
        for (Method method : loader.loadClass(type).getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return method.invoke(target, arguments);
            }
        }
        throw new NoSuchMethodException(type + "." + name);
    }

    private static Path locationOf(String className) throws URISyntaxException {
        try {
            return locationOf(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the test class path lacks " + className + ", a runtime library", e);
        }
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
