package io.autoscalebot.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksTheTokenAsTypedEncodedAndInBase64() {
        Redaction redaction = Redaction.of(Optional.empty(), List.of("t0k/en+1"));
        String base64 = Base64.getEncoder().encodeToString("t0k/en+1".getBytes(StandardCharsets.UTF_8));

        assertThat(redaction.scrub("a=t0k/en+1 b=t0k%2Fen%2B1 c=t0k%2fen%2b1 d=t0k\\/en+1 e=" + base64))
                .isEqualTo("a=**** b=**** c=**** d=**** e=****");
    }

    @Test
    void masksThePasswordAndTheBasicCredentials() {
        Redaction redaction = Redaction.of(Optional.of("grafana"), List.of("pa ss"));
        String basic = Base64.getEncoder().encodeToString("grafana:pa ss".getBytes(StandardCharsets.UTF_8));

        assertThat(redaction.scrub("Basic " + basic + " pa+ss pa%20ss pa ss")).isEqualTo("Basic **** **** **** ****");
    }

    @Test
    void leavesTextAloneWithoutSecrets() {
        assertThat(Redaction.of(Optional.empty(), List.of()).scrub("nothing to hide")).isEqualTo("nothing to hide");
    }
}
