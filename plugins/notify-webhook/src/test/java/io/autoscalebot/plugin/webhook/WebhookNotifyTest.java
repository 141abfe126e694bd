package io.autoscalebot.plugin.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notifier against a local webhook receiver: the body, the headers, retries, and what a failure says. */
@ExtendWith(HookServer.class)
class WebhookNotifyTest {

    /** A path shaped like a Slack incoming webhook's: the last segment is the token. */
    private static final String HOOK_PATH = "/services/T0123ABCD/B0456EFGH/Xq9tokenZ8kLmN2pQr7sTu4v";
    private static final String TOKEN = "hk_live_5f2d9a1c-7e4b/+&\"quoted\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HookServer.Server hook;
    private VirtualTime time;

    @BeforeEach
    void freshReceiver() {
        hook = HookServer.server();
        hook.reset();
        time = new VirtualTime(WebhookFixtures.NOW);
    }

    @Test
    void postsOneSlackCompatibleJsonBodyPerNotification() throws Exception {
        WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time).notify(WebhookFixtures.scaled());

        List<HookServer.Received> received = hook.received();
        assertThat(received).hasSize(1);
        HookServer.Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(HOOK_PATH);
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(request.body());
        assertThat(fieldNames(body)).containsExactly("text", "type", "phase", "group", "time", "message", "details");
        assertThat(body.get("text").asText()).isEqualTo("web: scaled 2 -> 3 (3 of the last 3 measurements above "
                + "1200 ms)");
        assertThat(body.get("type").asText()).isEqualTo("SCALE");
        assertThat(body.get("phase").asText()).isEqualTo("EVENT");
        assertThat(body.get("group").asText()).isEqualTo("web");
        assertThat(body.get("time").asText()).isEqualTo("2026-11-29T18:00:00.250Z");
        assertThat(body.get("message").asText()).isEqualTo(body.get("text").asText());
        assertThat(fieldNames(body.get("details"))).containsExactly("from", "to", "reason");
        assertThat(body.get("details").get("to").asText()).isEqualTo("3");
    }

    @Test
    void writesAConditionsPhaseAndThePrefixBeforeTheText() throws Exception {
        Notification stuck = WebhookFixtures.notification(EventType.ABOVE_MAX, Notification.Phase.STARTED,
                "web: wants 7 processes, \"max\" is 5", Map.of());

        WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH), "text_prefix", "[production]"), time)
                .notify(stuck);

        JsonNode body = JSON.readTree(hook.received().get(0).body());
        assertThat(body.get("text").asText()).isEqualTo("[production] web: wants 7 processes, \"max\" is 5");
        assertThat(body.get("phase").asText()).isEqualTo("STARTED");
        assertThat(body.get("details").isObject()).isTrue();
    }

    @Test
    void sendsTheConfiguredHeaders() throws Exception {
        WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH),
                "headers", List.of("Authorization: Bearer " + TOKEN, "X-Team:  ops ")), time)
                .notify(WebhookFixtures.scaled());

        HookServer.Received request = hook.received().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("X-Team")).isEqualTo("ops");
    }

    @Test
    void triesAgainAfterA5xxWithAGrowingWait() throws Exception {
        hook.reply(2, 503, "busy");

        WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time).notify(WebhookFixtures.scaled());

        assertThat(hook.received()).hasSize(3);
        assertThat(time.pauses()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void waitsWhatRetryAfterSaysAfterA429() throws Exception {
        hook.reply(429, "rate_limited", Map.of("Retry-After", "2"));

        WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time).notify(WebhookFixtures.scaled());

        assertThat(hook.received()).hasSize(2);
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void readsARetryAfterDate() throws Exception {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                WebhookFixtures.NOW.plusSeconds(3).atZone(ZoneOffset.UTC));
        hook.reply(503, "", Map.of("Retry-After", inThreeSeconds));

        WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time).notify(WebhookFixtures.scaled());

        // The date has whole seconds; the clock is 250 ms into its second.
        assertThat(time.pauses()).containsExactly(Duration.ofMillis(2750));
    }

    @Test
    void givesUpAtOnceWhenRetryAfterEndsPastTheTimeout() {
        hook.reply(429, "rate_limited", Map.of("Retry-After", "60"));

        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time)
                .notify(WebhookFixtures.scaled()))
                .isInstanceOf(PluginException.class)
                .hasMessage("the webhook at " + hook.url("/****") + " did not take the notification in 1 try within "
                        + "the 5s of setting 'timeout': it asked to wait 60s first (last try: answered HTTP 429 "
                        + "(\"rate_limited\"))");
        assertThat(hook.received()).hasSize(1);
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void givesUpWhenTheNextTryWouldStartPastTheTimeout() {
        hook.reply(10, 503, "<html>Service Unavailable</html>");

        // Tries at 0, 0.5s, 1.5s and 3.5s; the next would start at 7.5s, past 5s.
        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time)
                .notify(WebhookFixtures.scaled()))
                .hasMessage("the webhook at " + hook.url("/****") + " did not take the notification in 4 tries "
                        + "within the 5s of setting 'timeout' (last try: answered HTTP 503 (\"<html>Service "
                        + "Unavailable</html>\"))");
        assertThat(hook.received()).hasSize(4);
        assertThat(time.pauses()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void triesAgainWhenNothingListensAndSaysSoInTheEnd() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", "http://127.0.0.1:" + closedPort + HOOK_PATH,
                "timeout", "2s"), time).notify(WebhookFixtures.scaled()))
                .hasMessageStartingWith("the webhook at http://127.0.0.1:" + closedPort + "/**** did not take the "
                        + "notification in 3 tries within the 2s of setting 'timeout' (last try: cannot connect")
                .hasMessageEndingWith("; check the host and port in setting 'url')");
        assertThat(time.pauses()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void doesNotTryA4xxAgainAndShowsWhatTheServerSaid() {
        hook.reply(404, "no_service", Map.of());

        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time)
                .notify(WebhookFixtures.scaled()))
                .hasMessage("the webhook at " + hook.url("/****") + " answered HTTP 404 (\"no_service\"); check "
                        + "setting 'url': the webhook does not exist (any more)");
        assertThat(hook.received()).hasSize(1);
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void masksEverySecretAServerEchoesInAnyEncoding() {
        String echo = "{\"error\":\"bad token\",\"raw\":\"" + TOKEN + "\",\"json\":" + JSON.valueToTree(TOKEN)
                + ",\"slashes\":" + JSON.valueToTree(TOKEN).toString().replace("/", "\\/")
                + ",\"form\":\"" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8).toLowerCase() + "\""
                + ",\"path\":\"" + HOOK_PATH + "\",\"last\":\"Xq9tokenZ8kLmN2pQr7sTu4v\"}";
        hook.reply(401, echo, Map.of());

        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH),
                "headers", List.of("Authorization: Bearer " + TOKEN)), time).notify(WebhookFixtures.scaled()))
                .satisfies(failure -> assertThat(failure.getMessage())
                        .startsWith("the webhook at " + hook.url("/****") + " answered HTTP 401 (\"{\"error\":\"bad "
                                + "token\",\"raw\":\"****\",\"json\":\"****\",\"slashes\":\"****\",\"form\":\"****\"")
                        .contains("check the credentials in setting 'headers'")
                        .doesNotContain("hk_live").doesNotContain("5f2d9a1c").doesNotContain("Xq9token")
                        .doesNotContain("T0123ABCD").doesNotContain("services/"));
    }

    @Test
    void showsOnlyTheStartOfALongAnswerOnOneLine() {
        hook.reply(400, "invalid_payload\r\n" + "x".repeat(10_000), Map.of());

        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH)), time)
                .notify(WebhookFixtures.scaled()))
                .satisfies(failure -> assertThat(failure.getMessage())
                        .contains("answered HTTP 400 (\"invalid_payload xxx")
                        .contains("xxx...\"); the webhook refused the JSON body")
                        .doesNotContain("\n").hasSizeLessThan(400));
    }

    @Test
    void neverFollowsARedirectSoTheTokenStaysWithTheWebhook() {
        hook.reply(302, "", Map.of("Location", hook.url("/elsewhere/collect")));

        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH),
                "headers", List.of("Authorization: Bearer " + TOKEN)), time).notify(WebhookFixtures.scaled()))
                .hasMessage("the webhook at " + hook.url("/****") + " answered HTTP 302, a redirect to host "
                        + "127.0.0.1, which is not followed so that no token reaches another address; set 'url' to "
                        + "the address it redirects to");
        assertThat(hook.received()).extracting(HookServer.Received::path).containsExactly(HOOK_PATH);
    }

    @Test
    void givesUpWhenTheWebhookDoesNotAnswerInTime() {
        hook.hang();

        // Real time: the HTTP client's own timeout ends the try, at most what was left of the call.
        assertThatThrownBy(() -> WebhookFixtures.notifier(Map.of("url", hook.url(HOOK_PATH), "timeout", "300ms"))
                .notify(WebhookFixtures.scaled()))
                .hasMessage("the webhook at " + hook.url("/****") + " did not answer within the 300ms of setting "
                        + "'timeout'; check that the webhook's host answers, or raise the timeout");
        assertThat(hook.received()).hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
