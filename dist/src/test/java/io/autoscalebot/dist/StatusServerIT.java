package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.plugin.prometheus.PrometheusServer;
import io.autoscalebot.testkit.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [server]} in the real distribution: its jars load on the launcher's module path, a real Prometheus scrapes
 * /metrics and answers a query for our series, and what a user gets wrong ends with exit 2 and a message, never a stack
 * trace or the token.
 */
class StatusServerIT {

    private static final Pattern PORT = Pattern.compile("status on port (\\d+)");
    private static final Duration START_BOUND = Duration.ofSeconds(60);
    private static final String TOKEN = "tok-e2e-5b0c1d2e3f4a";

    @TempDir
    Path work;

    /** web holds at its min of 2 processes: the static 5 lies between the thresholds. */
    private Path config(String server) {
        return Configs.write(work.resolve("autoscale.toml"), Configs.stateDir(work.resolve("state")), server,
                Configs.group("web", 2, 4, "interval", "1s"),
                Configs.component("web", "measure", "static", "value", 5),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                Configs.component("web", "scale", "memory", "start", 2));
    }

    @Test
    void aRealPrometheusScrapesTheGroupsProcessCount() throws Exception {
        assumeTrue(PrometheusServer.find().isPresent() || "true".equalsIgnoreCase(System.getenv("CI")),
                "no prometheus found; install Debian's prometheus package");
        Path config = config("[server]\nlisten = \"127.0.0.1:0\"\n");

        try (Cli.Running running = Cli.of(Distribution.home(), work).start("run", "--config", config.toString())) {
            Poll.until(START_BOUND, () -> PORT.matcher(running.stdout()).find(), running::output);
            Matcher port = PORT.matcher(running.stdout());
            assertThat(port.find()).isTrue();
            String address = "127.0.0.1:" + port.group(1);
            JsonNode status = Eventually.await("web's first tick in /status", () -> get(address, "/status"),
                    json -> json.path("groups").path(0).path("current").isInt());
            assertThat(status.path("role").asText()).isEqualTo("active");
            assertThat(status.path("groups").path(0).path("current").asInt()).as(status.toPrettyString()).isEqualTo(2);

            try (PrometheusServer prometheus = PrometheusServer.start(PrometheusServer.find().orElseThrow(),
                    work.resolve("prometheus"), address, false)) {
                JsonNode answer = Eventually.await("autoscalebot_group_processes through Prometheus's API",
                        () -> prometheus.query("autoscalebot_group_processes"),
                        json -> json.path("data").path("result").size() == 1);
                JsonNode series = answer.path("data").path("result").get(0);
                assertThat(series.path("metric").path("group").asText()).isEqualTo("web");
                assertThat(series.path("value").path(1).asText()).isEqualTo("2");
                assertThat(prometheus.query("autoscalebot_build_info").path("data").path("result").size()).isEqualTo(1);
            }
        }
    }

    @Test
    void aPortInUseEndsWithExitTwoAndAMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = config("[server]\nlisten = \"127.0.0.1:" + taken.getLocalPort() + "\"\n");

            Cli.Result result = Cli.of(Distribution.home(), work).run("run", "--config", config.toString());

            assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
            assertThat(result.stderr()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " ([server] listen): the port is in use").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenIsAConfigErrorAtItsLine() {
        Path config = config("[server]\nlisten = \"0.0.0.0:9090\"\n");

        Cli.Result result = Cli.of(Distribution.home(), work).run("run", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).contains(config + ":4:1: ").contains("needs a bearer token")
                .doesNotContain("\tat ");
    }

    @Test
    void aTokenWrittenInTheFileIsRefusedWithoutShowingIt() {
        Path config = config("[server]\nlisten = \"0.0.0.0:9090\"\ntoken = \"" + TOKEN + "\"\n");

        Cli.Result result = Cli.of(Distribution.home(), work).withEnvironment("AUTOSCALEBOT_TOKEN", TOKEN)
                .run("run", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).contains(config + ":5:1: ").contains("must be read from the environment");
        assertThat(result.output()).doesNotContain(TOKEN);
    }

    private static JsonNode get(String address, String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + address + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body());
    }
}
