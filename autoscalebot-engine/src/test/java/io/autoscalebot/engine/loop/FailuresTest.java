package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a plugin's exception reads in the log and the notifications. */
class FailuresTest {

    @Test
    void aControlCharacterInAHeaderValueIsTheTokensFaultNotAPluginBug() {
        // What java.net.http throws (JDK 17 and 25 alike) for header("Authorization", "Bearer " + token) when the
        // token was read with its trailing newline: it quotes the value.
        IllegalArgumentException thrown = new IllegalArgumentException("invalid header value: \"Bearer tok-8c1e\n\"");

        assertThat(Failures.describe(thrown))
                .startsWith("the token contains a control character (U+000A, a line feed)")
                .contains("a trailing newline from a file or an ${ENV} variable is the usual cause")
                .doesNotContain("plugin bug").doesNotContain("8c1e").doesNotContain("\n");
    }

    @Test
    void anyOtherUncheckedExceptionIsAPluginBug() {
        assertThat(Failures.describe(new IllegalArgumentException("index 3")))
                .isEqualTo("plugin bug: IllegalArgumentException: index 3");
    }
}
