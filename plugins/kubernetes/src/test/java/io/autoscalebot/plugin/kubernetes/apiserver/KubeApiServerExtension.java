package io.autoscalebot.plugin.kubernetes.apiserver;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Kubernetes' own API server (with etcd) once for the whole test run of this module, hands it to tests as a
 * {@link KubeApiServer} parameter, and stops it when the run ends.
 *
 * <p>When a tool is missing (etcd, the API server, openssl...) or the API server is unusable, the tests are skipped with
 * a message saying what to install, except under {@code CI=true}, where they fail: CI installs everything, so a
 * missing tool there is a broken build, not a reason to test less.
 */
public final class KubeApiServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = KubeApiServer.class.getName();

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KubeApiServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static KubeApiServer server(ExtensionContext context) {
        // The root store lives for the whole run and closes what it holds (AutoCloseable) at its end.
        Started started = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> Started.start(), Started.class);
        if (started.server != null) {
            return started.server;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true, so the Kubernetes tests must run: " + started.unavailable);
        }
        Assumptions.abort("Kubernetes API server tests skipped: " + started.unavailable);
        throw new AssertionError("unreachable");
    }

    /** The server, or why there is none; closed by JUnit at the end of the run. */
    static final class Started implements AutoCloseable {
        private final KubeApiServer server;
        private final String unavailable;

        private Started(KubeApiServer server, String unavailable) {
            this.server = server;
            this.unavailable = unavailable;
        }

        static Started start() {
            try {
                return new Started(KubeApiServer.start(), null);
            } catch (KubeApiServer.Unavailable e) {
                return new Started(null, e.getMessage());
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.stop();
            }
        }
    }
}
