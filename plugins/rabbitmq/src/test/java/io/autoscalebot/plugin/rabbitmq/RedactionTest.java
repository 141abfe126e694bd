package io.autoscalebot.plugin.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private final Redaction redaction = Redaction.of("monitor", "pa ss/wörd");

    @Test
    void masksThePasswordAsTyped() {
        assertThat(redaction.scrub("password pa ss/wörd refused")).isEqualTo("password **** refused");
    }

    @Test
    void masksThePasswordPercentEncodedInUpperOrLowerCaseAndFormEncoded() {
        assertThat(redaction.scrub("a=pa%20ss%2Fw%C3%B6rd b=pa%20ss%2fw%c3%b6rd c=pa+ss%2Fw%C3%B6rd"))
                .isEqualTo("a=**** b=**** c=****");
    }

    @Test
    void masksThePasswordJsonEscapedWithOrWithoutEscapedSlashes() {
        assertThat(redaction.scrub("{\"p\":\"pa ss\\/wörd\"}")).isEqualTo("{\"p\":\"****\"}");
    }

    @Test
    void masksTheBasicCredentialsAndThePasswordInBase64() {
        String basic = Base64.getEncoder().encodeToString("monitor:pa ss/wörd".getBytes(StandardCharsets.UTF_8));
        String alone = Base64.getEncoder().encodeToString("pa ss/wörd".getBytes(StandardCharsets.UTF_8));

        assertThat(redaction.scrub("Authorization: Basic " + basic + " and " + alone))
                .isEqualTo("Authorization: Basic **** and ****");
    }

    @Test
    void leavesTextAloneWhenThePasswordIsEmpty() {
        assertThat(Redaction.of("monitor", "").scrub("nothing to hide")).isEqualTo("nothing to hide");
    }
}
