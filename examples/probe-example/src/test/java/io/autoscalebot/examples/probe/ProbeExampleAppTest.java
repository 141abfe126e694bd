package io.autoscalebot.examples.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeExampleAppTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_764_640_800L), ZoneOffset.UTC);

    @TempDir
    Path scratch;

    @Test
    void servesTheAppAndAProbeThatReportsItsChecksAndQueueTime() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (ProbeExampleApp app = ProbeExampleApp.start(new InetSocketAddress("127.0.0.1", 0), CLOCK, scratch)) {
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> greeting = client.send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .header("X-Request-Start", "t=1764640799.975").build(), // NGINX's format, 25 ms ago
                    HttpResponse.BodyHandlers.ofString());
            assertThat(greeting.body()).startsWith("Hello");

            HttpResponse<String> probe = client.send(HttpRequest.newBuilder(URI.create(base + "/autoscale/probe"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(probe.statusCode()).isEqualTo(200);
            assertThat(probe.body()).contains("\"cache\":{\"ok\":true", "\"disk\":{\"ok\":true",
                    "\"queue_time_ms\":{\"p50\":25,\"p95\":25,\"max\":25,\"count\":1");
            assertThat(scratch.resolve("probe-disk-check")).hasContent(CLOCK.instant().toString());
        }
    }
}
