package io.autoscalebot.plugin.rabbitmq;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one real RabbitMQ broker, started the first time a test class asks and stopped when the whole run ends
 * (JUnit closes what the root store holds), so every class of the module shares one broker start.
 *
 * <p>Without rabbitmq-server on this machine the tests are skipped with a message naming the Debian package, except
 * on CI ({@code CI=true}), where a missing broker must fail the build rather than let it pass untested. Set
 * {@code AUTOSCALEBOT_RABBITMQ_SERVER} to the {@code rabbitmq-server} script of another installation to use that.
 */
final class RabbitMqExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    static final String PACKAGE_HINT = "install Debian's rabbitmq-server package (apt-get install rabbitmq-server), or "
            + "set AUTOSCALEBOT_RABBITMQ_SERVER to a rabbitmq-server script";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RabbitMqExtension.class);

    /** Disabled rather than aborted: Maven then lists every test as skipped, with this reason. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return missing().isEmpty() || onCi() ? ConditionEvaluationResult.enabled("rabbitmq-server found, or on CI")
                : ConditionEvaluationResult.disabled(missing().get());
    }

    /** Starts the broker, or fails on CI, where the condition let the tests run without one. */
    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RabbitMqBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    private static RabbitMqBroker broker(ExtensionContext context) {
        missing().ifPresent(missing -> {
            throw new IllegalStateException("CI=true and " + missing + " (.ci/run installs it)");
        });
        Path script = script().orElseThrow();
        Path epmd = epmd().orElseThrow();
        // A failed start is kept too, so the next class fails at once instead of waiting for a broker again.
        Object started = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RabbitMqBroker.class, type -> {
            try {
                return RabbitMqBroker.start(script, epmd,
                        Path.of("target", "rabbitmq-" + ProcessHandle.current().pid()).toAbsolutePath());
            } catch (Exception e) {
                return new IllegalStateException("could not start rabbitmq-server: " + e.getMessage(), e);
            }
        });
        if (started instanceof IllegalStateException) {
            throw (IllegalStateException) started;
        }
        return (RabbitMqBroker) started;
    }

    /** @return what is missing to run a broker, with where to get it; empty when nothing is */
    private static Optional<String> missing() {
        if (script().isEmpty()) {
            return Optional.of("no rabbitmq-server found; " + PACKAGE_HINT);
        }
        if (epmd().isEmpty()) {
            return Optional.of("no epmd (Erlang's port mapper, which rabbitmq-server needs) found; " + PACKAGE_HINT);
        }
        return Optional.empty();
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Optional<Path> epmd() {
        return onPath("epmd", List.of(Path.of("/usr/lib/erlang/bin/epmd")));
    }

    /**
     * Debian's /usr/sbin/rabbitmq-server is a wrapper that switches to the rabbitmq user when run as root, who cannot
     * write under target/; the script it wraps runs as whoever starts it.
     */
    private static Optional<Path> script() {
        String configured = System.getenv("AUTOSCALEBOT_RABBITMQ_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return onPath("rabbitmq-server", List.of(Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server")));
    }

    private static Optional<Path> onPath(String name, List<Path> preferred) {
        List<Path> candidates = new ArrayList<>(preferred);
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                candidates.add(Path.of(folder, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
