package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.autoscalebot.plugin.heroku.FakeHerokuApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * The {@code sidekiq} measure and the {@code webhook} notifier as the distribution ships them: a Sidekiq 8 backlog in
 * a real redis-server scales the Heroku worker formation, and the scale is POSTed to a webhook with a token that comes
 * from the environment and appears in no output.
 */
class SidekiqWebhookIT {

    private static final String HEROKU_TOKEN = "hrku-e2e-" + UUID.randomUUID();
    private static final String HOOK_TOKEN = "hook-e2e-" + UUID.randomUUID();
    private static final String HOOK_PATH = "/services/T0E2E/B0E2E/" + UUID.randomUUID().toString().replace("-", "");
    private static final String APP = "shop";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static FakeHerokuApi heroku;
    private static LocalRedis redis;
    private static HttpServer hook;
    private static final List<String[]> POSTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPeers() throws IOException {
        heroku = FakeHerokuApi.start(APP, HEROKU_TOKEN);
        redis = LocalRedis.start();
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        hook.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                POSTS.add(new String[] {exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)});
                exchange.sendResponseHeaders(200, -1);
            }
        });
        hook.start();
    }

    @AfterAll
    static void stopPeers() {
        hook.stop(0);
        heroku.close();
        redis.close();
    }

    @Test
    void scalesWorkersOnASidekiqBacklogAndPostsTheScaleToTheWebhook() throws Exception {
        heroku.formation("worker", 1);
        JedisPooled client = redis.client();
        client.flushAll();
        for (String queue : List.of("default", "mailers")) {
            client.sadd("queues", queue);
            for (int job = 0; job < 6; job++) {
                client.lpush("queue:" + queue, sidekiq8Job(queue));
            }
        }
        Path config = Configs.write(work.resolve("sidekiq.toml"), Configs.stateDir(work.resolve("sidekiq-state")),
                Configs.group("worker", 1, 5, "notify_on", List.of("SCALE")),
                Configs.component("worker", "measure", "sidekiq", "url", redis.url(),
                        "queues", List.of("default", "mailers")),
                Configs.component("worker", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1,
                        "fails", 1),
                Configs.component("worker", "scale", "heroku", "app", APP, "process_type", "worker",
                        "token", "${HEROKU_API_KEY}", "api_url", heroku.baseUri()),
                "[[groups.worker.notify]]\nplugin = \"webhook\"\nurl = \"${HOOK_URL}\"\n"
                        + "headers = [\"Authorization: Bearer ${HOOK_TOKEN}\"]\n");

        Cli.Result result = cli().run("run", "--once", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("measured 12 jobs", "scaled 1 -> 2");
        assertThat(heroku.quantity("worker")).isEqualTo(2);
        assertThat(POSTS).hasSize(1);
        assertThat(POSTS.get(0)[0]).isEqualTo(HOOK_PATH);
        assertThat(POSTS.get(0)[1]).isEqualTo("Bearer " + HOOK_TOKEN);
        JsonNode body = JSON.readTree(POSTS.get(0)[2]);
        assertThat(body.get("type").asText()).isEqualTo("SCALE");
        assertThat(body.get("group").asText()).isEqualTo("worker");
        assertThat(body.get("text").asText()).startsWith("worker: scaled 1 -> 2");
        assertThat(result.stdout() + result.stderr()).doesNotContain(HOOK_TOKEN).doesNotContain(HOOK_PATH)
                .doesNotContain(HEROKU_TOKEN);
    }

    @Test
    void validatesTheShippedSidekiqExampleAndNamesAMissingVariableWhereItIsUsed() {
        Path example = Distribution.repository().resolve("examples").resolve("sidekiq.toml");

        Cli.Result valid = cli().run("config", "validate", "--config", example.toString());
        Cli.Result missing = Cli.of(Distribution.home(), work).withEnvironment("HEROKU_API_KEY", HEROKU_TOKEN)
                .run("config", "validate", "--config", example.toString());

        assertThat(valid.exitCode()).as(valid.output()).isZero();
        assertThat(valid.stdout()).contains("valid, 1 group: worker", "measure sidekiq");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).containsPattern("sidekiq\\.toml:\\d+:\\d+: environment variable "
                + "'SLACK_WEBHOOK_URL' is not set");
    }

    private static Cli cli() {
        return Cli.of(Distribution.home(), work).withEnvironment("HEROKU_API_KEY", HEROKU_TOKEN)
                .withEnvironment("HOOK_URL", "http://127.0.0.1:" + hook.getAddress().getPort() + HOOK_PATH)
                .withEnvironment("HOOK_TOKEN", HOOK_TOKEN)
                .withEnvironment("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/" + HOOK_TOKEN);
    }

    /** A job as Sidekiq 8 pushes it: epoch milliseconds in created_at and enqueued_at. */
    private static String sidekiq8Job(String queue) {
        long now = Instant.now().toEpochMilli();
        return JSON.createObjectNode().put("retry", true).put("queue", queue).put("class", "HardJob")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("args", JSON.createArrayNode().add(1))
                .put("jid", UUID.randomUUID().toString().replace("-", "").substring(0, 24))
                .put("created_at", now).put("enqueued_at", now).toString();
    }
}
