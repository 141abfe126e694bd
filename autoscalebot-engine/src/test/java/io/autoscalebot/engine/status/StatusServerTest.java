package io.autoscalebot.engine.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.autoscalebot.engine.config.ServerConfig;
import io.autoscalebot.engine.loop.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status server over real HTTP on loopback, on a port the system picks. */
class StatusServerTest {

    private static final String TOKEN = "tok-3c1f9a77e2b54d08";

    private final EngineMetrics metrics = new EngineMetrics(Engine.latenessBounds(), "1.2.3");
    private StatusServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private StatusServer start(Optional<String> token) throws ServerStartException {
        StatusBoard board = new StatusBoard(List.of("web"), metrics);
        board.started("web", java.time.Duration.ofMillis(20));
        DashboardPage dashboard = new DashboardPage(board, Role.ACTIVE, java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(5));
        server = StatusServer.start(new ServerConfig(InetAddress.getLoopbackAddress(), 0, token),
                () -> "{\"role\":\"active\"}", dashboard::write, metrics, Role.ACTIVE);
        return server;
    }

    @Test
    void servesHealthReadinessStatusAndMetricsWithoutATokenOnLoopback() throws Exception {
        start(Optional.empty());

        assertThat(get("/healthz", null)).isEqualTo(new Answer(200, "ok\n"));
        assertThat(get("/readyz", null)).isEqualTo(new Answer(200, "ready: active\n"));
        assertThat(get("/status", null)).isEqualTo(new Answer(200, "{\"role\":\"active\"}"));
        Answer scrape = get("/metrics", null);
        assertThat(scrape.code()).isEqualTo(200);
        assertThat(scrape.body()).contains("# TYPE autoscalebot_tick_lateness_seconds histogram")
                .contains("autoscalebot_tick_lateness_seconds_bucket{le=\"0.05\"} 1")
                .contains("autoscalebot_leader 1")
                .contains("autoscalebot_build_info{api_version=");
        assertThat(get("/nothing-here", null).code()).isEqualTo(404);
        Answer dashboard = get("/", null);
        assertThat(dashboard.code()).isEqualTo(200);
        assertThat(dashboard.body()).startsWith("<!DOCTYPE html>").contains("data-group=\"web\"");
    }

    @Test
    void readinessWaitsForTheRoleToBeKnown() throws Exception {
        server = StatusServer.start(new ServerConfig(InetAddress.getLoopbackAddress(), 0, Optional.empty()),
                () -> "{}", () -> "", metrics, Optional::empty);

        assertThat(get("/readyz", null).code()).isEqualTo(503);
        assertThat(get("/healthz", null).code()).isEqualTo(200);
    }

    @Test
    void asksForTheBearerTokenOnEveryPathAndNeverShowsIt() throws Exception {
        start(Optional.of(TOKEN));

        for (String path : List.of("/healthz", "/readyz", "/status", "/metrics", "/")) {
            Answer none = get(path, null);
            Answer wrong = get(path, "Bearer " + TOKEN.substring(0, TOKEN.length() - 1) + "x");
            assertThat(none.code()).as(path + " without a token").isEqualTo(401);
            assertThat(wrong.code()).as(path + " with a wrong token").isEqualTo(401);
            assertThat(none.body() + wrong.body()).doesNotContain(TOKEN);
        }
        assertThat(get("/status", "Bearer " + TOKEN)).isEqualTo(new Answer(200, "{\"role\":\"active\"}"));
        assertThat(get("/metrics", "Bearer " + TOKEN).body()).doesNotContain(TOKEN);
        Answer dashboard = get("/", "Bearer " + TOKEN);
        assertThat(dashboard.code()).isEqualTo(200);
        assertThat(dashboard.body()).contains("data-group=\"web\"").doesNotContain(TOKEN);
    }

    @Test
    void aPortInUseIsAClearMessageNamingTheAddress() throws Exception {
        int taken = start(Optional.of(TOKEN)).port();

        ServerStartException thrown = catchThrowableOfType(ServerStartException.class,
                () -> StatusServer.start(new ServerConfig(InetAddress.getLoopbackAddress(), taken, Optional.of(TOKEN)),
                        () -> "{}", () -> "", metrics, Role.ACTIVE));

        assertThat(thrown.getMessage()).isEqualTo("cannot listen on 127.0.0.1:" + taken + " ([server] listen): the"
                + " port is in use by another process; stop it or choose another port");
    }

    @Test
    void answersOnATwoThreadPoolWhateverTheNumberOfRequests() throws Exception {
        start(Optional.empty());
        for (int i = 0; i < 20; i++) {
            get("/metrics", null);
        }

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName()
                .startsWith(StatusServer.THREAD_PREFIX)).hasSizeLessThanOrEqualTo(StatusServer.THREADS);
    }

    private record Answer(int code, String body) {
    }

    private Answer get(String path, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + path)
                .toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        int code = connection.getResponseCode();
        try (InputStream body = code < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(code, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }
}
