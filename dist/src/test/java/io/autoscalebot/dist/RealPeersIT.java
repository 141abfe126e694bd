package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.plugin.heroku.FakeHerokuApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * Issue 3 end to end: the distribution's {@code run --once} against real peers on loopback, a Heroku Platform API
 * stand-in and a real redis-server holding a Celery backlog, with the token passed through the environment.
 */
class RealPeersIT {

    /** The token the fake accepts; it must never be printed. */
    private static final String TOKEN = "hrku-e2e-" + UUID.randomUUID();
    private static final String APP = "shop";

    @TempDir
    static Path work;
    private static Cli cli;
    private static FakeHerokuApi heroku;
    private static LocalRedis redis;

    @BeforeAll
    static void startPeers() throws IOException {
        cli = Cli.of(Distribution.home(), work).withEnvironment("HEROKU_API_KEY", TOKEN);
        heroku = FakeHerokuApi.start(APP, TOKEN);
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stopPeers() {
        heroku.close();
        redis.close();
    }

    @BeforeEach
    void oneDynoEach() {
        heroku.formation("web", 1);
        heroku.formation("worker", 1);
    }

    @Test
    void scalesTheHerokuWebFormationUpWhenTheAppAnswersSlowly() {
        heroku.appLatency(Duration.ofMillis(400));
        Path config = slowAppConfig("slow-app");

        Cli.Result result = cli.run("run", "--once", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(heroku.quantity("web")).as(result.output()).isEqualTo(2);
        assertThat(result.stdout()).contains("web: scaled", "scaled 1 -> 2");
        assertThat(heroku.protocolViolations()).isEmpty();
        assertThat(result.stdout() + result.stderr()).doesNotContain(TOKEN);
    }

    @Test
    void scalesTheHerokuWorkerFormationUpFromACeleryBacklogInRedis() {
        JedisPooled client = redis.client();
        client.del("celery", "celery\u0006\u00163");
        for (int task = 0; task < 30; task++) {
            client.lpush("celery", CeleryTasks.task("celery", 0));
        }
        // Priority 3 goes to kombu's list for step 3: the queue name, "\x06\x16", the step.
        client.lpush("celery\u0006\u00163", CeleryTasks.task("celery", 3), CeleryTasks.task("celery", 3));
        Path config = Configs.write(work.resolve("celery.toml"), Configs.stateDir(work.resolve("celery-state")),
                Configs.group("worker", 1, 5),
                Configs.component("worker", "measure", "celery-redis", "url", redis.url()),
                Configs.component("worker", "decide", "average-threshold", "average_over", 1),
                herokuScale("worker", "worker"));

        Cli.Result result = cli.run("run", "--once", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("measured 32", "scaled 1 -> 2");
        assertThat(heroku.quantity("worker")).as(result.output()).isEqualTo(2);
        assertThat(heroku.quantity("web")).as("only the configured process type").isEqualTo(1);
        assertThat(result.stdout() + result.stderr()).doesNotContain(TOKEN);
    }

    @Test
    void dryRunMeasuresAndDecidesButNeverPatchesTheFormation() {
        heroku.appLatency(Duration.ofMillis(400));
        Path config = slowAppConfig("dry-run");
        long patchesBefore = patches();

        Cli.Result result = cli.run("run", "--once", "--dry-run", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("dry run: would scale 1 -> 2");
        assertThat(patches()).as("PATCH requests").isEqualTo(patchesBefore);
        assertThat(heroku.quantity("web")).isEqualTo(1);
        assertThat(result.stdout() + result.stderr()).doesNotContain(TOKEN);
    }

    /** A web group timing the app behind the fake router, scaling up after one answer slower than 200 ms. */
    private static Path slowAppConfig(String name) {
        return Configs.write(work.resolve(name + ".toml"), Configs.stateDir(work.resolve(name + "-state")),
                Configs.group("web", 1, 5),
                Configs.component("web", "measure", "response-time", "url", heroku.appUrl("/slow")),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 200, "min_value", 100,
                        "fails", 1),
                herokuScale("web", "web"));
    }

    private static String herokuScale(String group, String processType) {
        return Configs.component(group, "scale", "heroku", "app", APP, "process_type", processType,
                "token", "${HEROKU_API_KEY}", "api_url", heroku.baseUri());
    }

    private static long patches() {
        return heroku.apiRequests().stream().filter(request -> request.method().equals("PATCH")).count();
    }
}
