package io.autoscalebot.plugin.heroku.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HerokuErrorTest {

    @Test
    void readsHerokusIdAndMessage() {
        HerokuError error = HerokuError.from(422, "{\"id\": \"cannot_scale\", \"message\": \"Too many dynos.\"}", "t0k3n");

        assertThat(error.describe()).isEqualTo("cannot_scale (422): Too many dynos.");
    }

    @Test
    void keepsABodyThatIsNotJsonAsTheMessage() {
        HerokuError error = HerokuError.from(502, "<html>Bad gateway</html>\n", "t0k3n");

        assertThat(error.describe()).isEqualTo("http_502 (502): <html>Bad gateway</html>");
    }

    @Test
    void hidesTheTokenShouldAMessageEverEchoIt() {
        HerokuError error = HerokuError.from(401, "{\"id\": \"unauthorized\", \"message\": \"Bad token t0k3n\"}",
                "t0k3n");

        assertThat(error.message()).isEqualTo("Bad token ****");
    }

    @Test
    void hidesATokenThatALongMessageWouldBeCutThrough() {
        String token = "tok-0123456789-secret";
        String body = "{\"id\": \"unauthorized\", \"message\": \"" + "x".repeat(290) + token + " and more\"}";

        HerokuError error = HerokuError.from(401, body, token);

        assertThat(error.message()).startsWith("x".repeat(290) + "****").doesNotContain("tok-0123");
    }

    @Test
    void saysSoWhenThereIsNoExplanation() {
        assertThat(HerokuError.from(500, "", "t0k3n").describe()).isEqualTo("http_500 (500): no explanation given");
    }
}
