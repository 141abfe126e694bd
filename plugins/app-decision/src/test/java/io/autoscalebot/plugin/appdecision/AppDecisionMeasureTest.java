package io.autoscalebot.plugin.appdecision;

import static io.autoscalebot.plugin.appdecision.AppDecisionFixtures.NOW;
import static io.autoscalebot.plugin.appdecision.AppDecisionFixtures.measure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Measures against a real HTTP server on loopback. */
class AppDecisionMeasureTest {

    private static final Map<String, Object> QUEUE_DEPTH = Map.of("pointer", "/queue/depth", "unit", "jobs");
    private static final Map<String, Object> INSTRUCTIONS = Map.of("mode", "instruction");

    private AppServer app;

    @BeforeEach
    void startApp() throws Exception {
        app = new AppServer();
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void readsTheNumberAtThePointerWithItsUnitAndTheEngineTime() throws Exception {
        app.answer("{\"queue\": {\"depth\": 42, \"age\": 3.5}}");

        Measurement measurement = measure(app, QUEUE_DEPTH).measure();

        assertThat(measurement).isEqualTo(Measurement.of(NOW, 42, "jobs"));
        assertThat(app.lastAccept()).isEqualTo("application/json");
        assertThat(app.lastAuthorization()).isEmpty();
    }

    @Test
    void readsANumberUnderANameWithEscapedCharacters() throws Exception {
        app.answer("{\"queues/default\": {\"p~95\": 0.25}}");

        Measurement measurement = measure(app, Map.of("pointer", "/queues~1default/p~095")).measure();

        assertThat(measurement.value()).isEqualTo(0.25);
    }

    @Test
    void failsWhenThePointerLeadsNowhere() throws Exception {
        app.answer("{\"queue\": {\"size\": 4}}");

        Measurement measurement = measure(app, QUEUE_DEPTH).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).contains("GET " + app.url())
                .contains("no value at pointer \"/queue/depth\": no member \"depth\" in the object at /queue (it has size)");
    }

    @Test
    void failsWhenTheValueIsNotANumber() throws Exception {
        app.answer("{\"queue\": {\"depth\": \"12\"}}");

        Measurement measurement = measure(app, QUEUE_DEPTH).measure();

        assertThat(measurement.failure()).contains("expected a number at pointer \"/queue/depth\", found the string \"12\"");
    }

    @Test
    void sendsTheTokenAsABearerToken() throws Exception {
        app.requireToken("s3cr3t-t0ken").answer("{\"queue\": {\"depth\": 7}}");

        Measurement measurement = measure(app, withToken(QUEUE_DEPTH, "s3cr3t-t0ken")).measure();

        assertThat(measurement.value()).isEqualTo(7);
        assertThat(app.lastAuthorization()).contains("Bearer s3cr3t-t0ken");
    }

    @Test
    void failsWithAHintWhenTheAppWantsALogin() throws Exception {
        app.requireToken("s3cr3t-t0ken");

        Measurement measurement = measure(app, QUEUE_DEPTH).measure();

        assertThat(measurement.failure()).contains("answered HTTP 401: the app wants a login; set 'token'");
    }

    @Test
    void neverShowsARefusedToken() throws Exception {
        // An app that echoes what it refused must not put the token in the failure.
        app.answer(403, "{\"error\": \"token wrong-t0ken is not allowed\"}", Map.of());

        Measurement measurement = measure(app, withToken(QUEUE_DEPTH, "wrong-t0ken")).measure();

        assertThat(measurement.failure()).contains("answered HTTP 403: the app refused setting 'token'")
                .contains("token **** is not allowed")
                .doesNotContain("wrong-t0ken");
    }

    @Test
    void followsTheAppsInstructionForItsGroup() throws Exception {
        app.answer("{\"web\": \"up\", \"worker\": \"steady\"}");

        assertThat(measure(app, INSTRUCTIONS).measure())
                .isEqualTo(Measurement.instruction(NOW, Instruction.of(Instruction.Action.UP)));
        assertThat(measure(app, INSTRUCTIONS, "worker").measure().instruction())
                .isEqualTo(Instruction.of(Instruction.Action.STEADY));
    }

    @Test
    void readsTheInstructionUnderTheConfiguredKey() throws Exception {
        app.answer("{\"web-dyno\": \"DOWN\"}");

        Measurement measurement = measure(app, Map.of("mode", "instruction", "key", "web-dyno")).measure();

        assertThat(measurement.instruction()).isEqualTo(Instruction.of(Instruction.Action.DOWN));
    }

    @Test
    void readsAnExactCountAsANumberOrANumericString() throws Exception {
        app.answer("{\"web\": 5, \"worker\": \"3\"}");

        assertThat(measure(app, INSTRUCTIONS).measure().instruction()).isEqualTo(Instruction.exact(5));
        assertThat(measure(app, INSTRUCTIONS, "worker").measure().instruction()).isEqualTo(Instruction.exact(3));
    }

    @Test
    void failsWhenTheGroupHasNoInstruction() throws Exception {
        app.answer("{\"worker\": \"up\"}");

        Measurement measurement = measure(app, INSTRUCTIONS).measure();

        assertThat(measurement.failure()).contains("no key \"web\" in the app's answer (it has worker);"
                + " set 'key' if the app names the group differently");
    }

    @Test
    void failsOnAnInstructionItDoesNotKnow() throws Exception {
        app.answer("{\"web\": \"sideways\", \"worker\": -1, \"api\": 2.5, \"db\": [1]}");

        assertThat(measure(app, INSTRUCTIONS).measure().failure())
                .contains("the instruction under \"web\" is the string \"sideways\": expected \"up\", \"down\","
                        + " \"steady\" or a whole number of processes >= 0");
        assertThat(measure(app, INSTRUCTIONS, "worker").measure().failure())
                .contains("the instruction under \"worker\" is the number -1: expected");
        assertThat(measure(app, INSTRUCTIONS, "api").measure().failure())
                .contains("the instruction under \"api\" is the number 2.5: expected");
        assertThat(measure(app, INSTRUCTIONS, "db").measure().failure())
                .contains("the instruction under \"db\" is an array: expected");
    }

    @Test
    void failsWhenTheAnswerIsNotAnObjectOfInstructions() throws Exception {
        app.answer("[\"up\"]");

        assertThat(measure(app, INSTRUCTIONS).measure().failure())
                .contains("expected an object with a key per group, like {\"web\": \"up\"}, found an array");
    }

    @Test
    void failsWhenTheAnswerIsNotJson() throws Exception {
        app.answer(200, "<html><body>Maintenance</body></html>", Map.of("Content-Type", "text/html"));

        Measurement measurement = measure(app, INSTRUCTIONS).measure();

        assertThat(measurement.failure()).contains("answered with something that is not JSON: expected a value but"
                + " found '<' at line 1, column 1; the response starts with: <html><body>Maintenance");
    }

    @Test
    void failsOnAnHttpErrorNamingStatusAndRetryAfter() throws Exception {
        app.answer(503, "{\"error\": \"overloaded\"}", Map.of("Retry-After", "30"));

        Measurement measurement = measure(app, QUEUE_DEPTH).measure();

        assertThat(measurement.failure()).isEqualTo("GET " + app.url() + " answered HTTP 503 (Retry-After: 30);"
                + " the response starts with: {\"error\": \"overloaded\"}");
        assertThat(measurement.time()).isEqualTo(NOW);
    }

    @Test
    void refusesToFollowARedirectSoTheTokenNeverReachesAnotherServer() throws Exception {
        try (AppServer elsewhere = new AppServer()) {
            elsewhere.answer("{\"queue\": {\"depth\": 7}}");
            app.answer(302, "", Map.of("Location", elsewhere.url() + "?signature=s1gn"));

            Measurement measurement = measure(app, withToken(QUEUE_DEPTH, "s3cr3t-t0ken")).measure();

            assertThat(elsewhere.requests()).isZero();
            assertThat(elsewhere.lastAuthorization()).isEmpty();
            assertThat(measurement.failure()).isEqualTo("GET " + app.url() + " answered HTTP 302, a redirect to "
                    + elsewhere.url() + "?...; autoscalebot does not follow redirects (they could carry 'token'"
                    + " elsewhere): point setting 'url' at the final address");
        }
    }

    @Test
    void failsWhenTheAppIsNotListening() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/autoscale";

        Measurement measurement = measure(app, Map.of("url", url, "pointer", "/depth")).measure();

        assertThat(measurement.failure()).isEqualTo("GET " + url + " failed: could not connect to 127.0.0.1:"
                + closedPort + "; check setting 'url' and that the app is running");
    }

    @Test
    void failsWhenTheAppAnswersTooSlowly() throws Exception {
        app.stall();

        Measurement measurement = measure(app, Map.of("pointer", "/depth", "timeout", "200ms")).measure();

        assertThat(measurement.failure()).isEqualTo(timedOutAfter(200));
    }

    @Test
    void failsWhenTheAppStallsInTheMiddleOfItsAnswer() throws Exception {
        app.stallBody();
        Measure measure = measure(app, Map.of("pointer", "/depth", "timeout", "300ms"));

        // The app holds its body back for 10 s; the timeout must cut the whole exchange short well before that.
        Measurement measurement = assertTimeoutPreemptively(Duration.ofSeconds(5), measure::measure);

        assertThat(measurement.failure()).isEqualTo(timedOutAfter(300));
    }

    @Test
    void saysItWasInterruptedAndKeepsTheInterruptForTheEngine() throws Exception {
        app.stall();
        Measure measure = measure(app, Map.of("pointer", "/depth", "timeout", "9s"));
        AtomicReference<Measurement> measured = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                measured.set(measure.measure());
            } catch (Exception e) {
                measured.set(Measurement.failed(NOW, "measure() threw " + e));
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        awaitUntil(() -> app.requests() > 0);

        // The engine interrupts a call that outlives the group's timeout, or when it shuts down.
        caller.interrupt();
        caller.join(5_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(measured.get().failure()).isEqualTo("GET " + app.url() + " was interrupted before the app"
                + " answered: the call took longer than the group's timeout, or the engine is stopping");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void failsOnAnAnswerTooLargeToRead() throws Exception {
        app.answer("[" + "0,".repeat(AppEndpoint.MAX_RESPONSE_BYTES / 2) + "0]");

        Measurement measurement = measure(app, Map.of("pointer", "/0")).measure();

        assertThat(measurement.failure()).contains("the response is larger than " + AppEndpoint.MAX_RESPONSE_BYTES);
    }

    @Test
    void keepsTheQueryOfTheUrlOutOfMessages() throws Exception {
        app.answer(500, "", Map.of());
        String url = app.url() + "?api_key=k3y";

        Measurement measurement = measure(app, Map.of("url", url, "pointer", "/depth")).measure();

        assertThat(measurement.failure()).isEqualTo("GET " + app.url() + "?... answered HTTP 500");
    }

    private String timedOutAfter(int millis) {
        return "GET " + app.url() + " timed out after " + millis + " ms (setting 'timeout')";
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s for the condition").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static Map<String, Object> withToken(Map<String, Object> settings, String token) {
        Map<String, Object> with = new java.util.HashMap<>(settings);
        with.put("token", token);
        return with;
    }
}
