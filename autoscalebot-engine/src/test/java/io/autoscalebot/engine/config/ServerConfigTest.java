package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The [server] section: off by default, loopback by default, and never beyond loopback without a token. */
class ServerConfigTest extends ConfigFileTest {

    private static final String TOKEN = "tok-9f8e7d6c5b4a";

    @Test
    void hasNoServerWithoutAServerSection() throws Exception {
        assertThat(files.load(VALID_GROUP).server()).isEmpty();
    }

    @Test
    void listensOnLoopbackPort9090ByDefault() throws Exception {
        ServerConfig server = files.load("[server]\n" + VALID_GROUP).server().orElseThrow();

        assertThat(server.listen()).isEqualTo("127.0.0.1:9090");
        assertThat(server.host().isLoopbackAddress()).isTrue();
        assertThat(server.token()).isEmpty();
    }

    @Test
    void readsTheTokenFromTheEnvironmentAsASecret() throws Exception {
        EngineConfig config = files.load("[server]\nlisten = \"0.0.0.0:9191\"\ntoken = \"${AUTOSCALEBOT_TOKEN}\"\n"
                + VALID_GROUP, TestProviders.catalog(), Map.of("AUTOSCALEBOT_TOKEN", TOKEN));

        ServerConfig server = config.server().orElseThrow();
        assertThat(server.listen()).isEqualTo("0.0.0.0:9191");
        assertThat(server.token()).contains(TOKEN);
        assertThat(config.secrets()).contains(TOKEN);
        assertThat(server.toString()).doesNotContain(TOKEN);
    }

    @Test
    void rejectsListeningBeyondLoopbackWithoutAToken() {
        String error = files.onlyError("[server]\nlisten = \"0.0.0.0:9090\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("reaches beyond this host")
                .contains("token = \"${AUTOSCALEBOT_TOKEN}\"");
    }

    @Test
    void rejectsAListenValueThatIsNotHostAndPort() {
        String error = files.onlyError("[server]\nlisten = \"9090\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("is not HOST:PORT").contains("127.0.0.1:9090");
    }

    @Test
    void rejectsAPortOutOfRange() {
        String error = files.onlyError("[server]\nlisten = \"127.0.0.1:70000\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("port 70000 is out of range");
    }

    @Test
    void rejectsAHostNameSinceWhatIsBoundMustNotDependOnAResolver() {
        String error = files.onlyError("[server]\nlisten = \"status.example.com:9090\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("is not an IP address");
    }

    @Test
    void rejectsATokenWrittenInTheFileWithoutEchoingIt() {
        String error = files.onlyError("[server]\ntoken = \"" + TOKEN + "\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("must be read from the environment")
                .doesNotContain(TOKEN);
    }

    @Test
    void rejectsAnEmptyTokenVariable() {
        List<String> errors = files.errors("[server]\nlisten = \"0.0.0.0:9090\"\ntoken = \"${AUTOSCALEBOT_TOKEN}\"\n"
                + VALID_GROUP, TestProviders.catalog(), Map.of("AUTOSCALEBOT_TOKEN", " "));

        assertThat(errors).singleElement().asString().startsWith(files.at(3, 1)).contains("token is empty");
    }

    @Test
    void rejectsAnUnknownServerKeyWithASuggestion() {
        String error = files.onlyError("[server]\nlisen = \"127.0.0.1:9090\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("did you mean 'listen'?");
    }
}
