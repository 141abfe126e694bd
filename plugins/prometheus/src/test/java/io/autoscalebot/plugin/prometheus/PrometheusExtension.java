package io.autoscalebot.plugin.prometheus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Prometheus and the target it scrapes, each started the first time a test asks and stopped when
 * the whole run ends (JUnit closes what the root store holds), so the module starts each once: a plain one, and, for
 * parameters marked {@link Secured}, one with TLS and Basic authentication.
 *
 * <p>Without prometheus on this machine the tests are skipped with a message naming the Debian package, except on CI
 * ({@code CI=true}), where a missing server must fail the build rather than let it pass untested. Set
 * {@code AUTOSCALEBOT_PROMETHEUS} to another {@code prometheus} executable to use that.
 */
final class PrometheusExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    /** Marks a {@link PrometheusServer} parameter that must be the secured server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Secured {
    }

    static final String MISSING = "no prometheus found; install Debian's prometheus package (apt-get install "
            + "prometheus), or set AUTOSCALEBOT_PROMETHEUS to a prometheus executable";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrometheusExtension.class);

    /** Disabled rather than aborted: Maven then lists every test as skipped, with this reason. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return find().isPresent() || onCi() ? ConditionEvaluationResult.enabled("prometheus found, or on CI")
                : ConditionEvaluationResult.disabled(MISSING);
    }

    /** Fails on CI, where the condition let the tests run without a server. */
    @Override
    public void beforeAll(ExtensionContext context) {
        binary();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PrometheusServer.class || type == MetricsTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == MetricsTarget.class) {
            return target(context);
        }
        return server(context, parameter.isAnnotated(Secured.class));
    }

    private static MetricsTarget target(ExtensionContext context) {
        Object started = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(MetricsTarget.class, type -> {
            try {
                MetricsTarget target = new MetricsTarget();
                target.gauge("jobs_waiting", "queue=\"emails\"", "3");
                target.gauge("jobs_waiting", "queue=\"reports\"", "4");
                target.gauge("broken_ratio", "", "NaN");
                target.gauge("overflow", "", "+Inf");
                return target;
            } catch (Exception e) {
                return new IllegalStateException("could not start the metrics target: " + e.getMessage(), e);
            }
        });
        return (MetricsTarget) rethrowFailure(started);
    }

    private static PrometheusServer server(ExtensionContext context, boolean secured) {
        Path binary = binary();
        MetricsTarget target = target(context);
        String name = secured ? "secured" : "plain";
        // A failed start is kept too, so the next class fails at once instead of waiting for a server again.
        Object started = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(name, key -> {
            try {
                return PrometheusServer.start(binary, Path.of("target", "prometheus-" + ProcessHandle.current().pid(),
                        name).toAbsolutePath(), target, secured);
            } catch (Exception | AssertionError e) {
                return new IllegalStateException("could not start prometheus: " + e.getMessage(), e);
            }
        });
        return (PrometheusServer) rethrowFailure(started);
    }

    private static Object rethrowFailure(Object started) {
        if (started instanceof IllegalStateException) {
            throw (IllegalStateException) started;
        }
        return started;
    }

    private static Path binary() {
        return find().orElseThrow(() -> new IllegalStateException("CI=true and " + MISSING + " (.ci/run installs it)"));
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Optional<Path> find() {
        return PrometheusServer.find();
    }
}
