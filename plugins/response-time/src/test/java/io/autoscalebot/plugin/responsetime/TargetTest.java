package io.autoscalebot.plugin.responsetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void toStringShowsNeitherTheCredentialsNorTheirBasicEncodingNorTheQuery() throws Exception {
        Target target = Target.of(URI.create("https://user:s3cret@myapp.example.com/health?token=t0ps3cret"));

        assertThat(target.toString())
                .isEqualTo("Target[request=https://myapp.example.com/health, authorization=****]")
                .doesNotContain(target.authorization().orElseThrow().substring("Basic ".length()));
    }

    @Test
    void toStringSaysWhenThereAreNoCredentials() throws Exception {
        Target target = Target.of(URI.create("http://127.0.0.1:8080/health"));

        assertThat(target.toString()).isEqualTo("Target[request=http://127.0.0.1:8080/health, authorization=none]");
    }
}
