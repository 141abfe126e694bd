package io.autoscalebot.plugin.heroku.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterLineTest {

    private static final String LINE = "2026-11-29T12:00:00.123456+00:00 heroku[router]: at=info method=GET path=\"/\""
            + " host=my-app.herokuapp.com request_id=abc-123 fwd=\"10.0.0.1\" dyno=web.1 connect=1ms service=37ms"
            + " status=200 bytes=13 protocol=https";

    @Test
    void readsTheServiceTimeOfTheRequestsLine() {
        assertThat(RouterLine.serviceMillis(LINE, "abc-123")).hasValue(37);
    }

    @Test
    void ignoresTheLineOfAnotherRequestEvenWhenItsIdStartsTheSame() {
        assertThat(RouterLine.serviceMillis(LINE, "abc-12")).isEmpty();
        assertThat(RouterLine.serviceMillis(LINE, "xyz")).isEmpty();
    }

    @Test
    void readsALineStreamedAsAServerSentEvent() {
        assertThat(RouterLine.serviceMillis("data: " + LINE, "abc-123")).hasValue(37);
    }

    @Test
    void ignoresALineWithoutAServiceTime() {
        assertThat(RouterLine.serviceMillis("heroku[router]: at=error code=H10 request_id=abc-123 status=503",
                "abc-123")).isEmpty();
    }
}
