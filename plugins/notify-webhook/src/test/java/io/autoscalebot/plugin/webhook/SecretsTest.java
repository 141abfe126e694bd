package io.autoscalebot.plugin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Masking what a server echoes: each secret in the forms servers write it. */
class SecretsTest {

    @Test
    void masksASecretRawJsonEscapedAndPercentEncoded() {
        Secrets secrets = Secrets.of(List.of("p/ss \"wörd\"+1"));

        assertThat(secrets.scrub("raw p/ss \"wörd\"+1 json p/ss \\\"wörd\\\"+1 slash p\\/ss \\\"wörd\\\"+1 "
                + "ascii p\\/ss \\\"w\\u00f6rd\\\"+1 form p%2Fss+%22w%C3%B6rd%22%2B1 url p%2fss%20%22w%c3%b6rd%22%2b1"))
                .isEqualTo("raw **** json **** slash **** ascii **** form **** url ****");
    }

    @Test
    void masksAShortSecretOnlyAsAWholeWord() {
        Secrets secrets = Secrets.of(List.of("abc"));

        assertThat(secrets.scrub("abcweb abc, xabc (abc)")).isEqualTo("abcweb ****, xabc (****)");
    }

    @Test
    void masksTheWholeOfASecretThatContainsAnother() {
        Secrets secrets = Secrets.of(List.of("Bearer tok3n-Secret", "tok3n-Secret"));

        assertThat(secrets.scrub("got Bearer tok3n-Secret")).isEqualTo("got ****");
    }

    @Test
    void masksTheUserAndPasswordOfABasicAuthorizationHeader() {
        String basic = Base64.getEncoder().encodeToString("bot:Pa55-w0rd".getBytes(StandardCharsets.UTF_8));
        Secrets secrets = Secrets.of(new Header("Authorization", "Basic " + basic).secrets());

        assertThat(secrets.scrub("login bot:Pa55-w0rd failed, password Pa55-w0rd, header " + basic))
                .isEqualTo("login **** failed, password ****, header ****");
    }

    @Test
    void leavesTextAloneWhenThereIsNoSecret() {
        assertThat(Secrets.of(List.of()).scrub("nothing to hide")).isEqualTo("nothing to hide");
    }
}
