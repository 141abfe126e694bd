package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code config validate} (and {@code run}, which prints the same errors) may quote back: never a secret, never a
 * URL's password, whichever setting it was written in and however wrong the value around it.
 */
class ConfigSecretsTest extends ConfigFileTest {

    private static final String URL_LINE = "url = \"http://localhost:8080/health\"";

    @ParameterizedTest
    @ValueSource(strings = {"http://user:Pa^ss|word@host/", "http://user:Pa ss word@host/"})
    void masksThePasswordOfAUrlThatDoesNotParse(String url) {
        String error = files.onlyError(VALID_GROUP.replace(URL_LINE, "url = \"" + url + "\""));

        assertThat(error).startsWith(files.at(5, 1))
                .contains("response-time: setting 'url' expected a URI, got 'http://user:****@host/'")
                .doesNotContain("Pa^ss", "word", "Pa ss");
    }

    @Test
    void masksThePasswordOfAUrlThatComesFromTheEnvironment() {
        List<String> errors = files.errors(VALID_GROUP.replace(URL_LINE, "url = \"${APP_URL}\""),
                TestProviders.catalog(), Map.of("APP_URL", "http://user:Pa^ss|word@host/"));

        assertThat(errors).singleElement().asString().contains("got 'http://user:****@host/'")
                .doesNotContain("Pa^ss", "word");
    }

    @Test
    void aValidUrlsPasswordIsASecretForEveryLaterMessage() throws ConfigException {
        EngineConfig config = files.load(VALID_GROUP.replace(URL_LINE,
                "url = \"http://deploy:s3cret%2Fpw@localhost:8080/health\""));

        assertThat(config.secrets()).contains("s3cret%2Fpw", "s3cret/pw", "deploy:s3cret%2Fpw", "deploy:s3cret/pw");
    }

    @Test
    void aSecretWithAControlCharacterIsRefusedAtItsSettingWithoutQuotingIt() {
        // $(cat token-file) keeps the file's last newline: every request with it in a header would fail.
        List<String> errors = files.errors(VALID_GROUP.replace(URL_LINE, URL_LINE + "\ntoken = \"${TOKEN}\""),
                TestProviders.catalog(), Map.of("TOKEN", "tok-8c1e-77d0\n"));

        assertThat(errors).singleElement().asString().startsWith(files.at(6, 1))
                .contains("setting 'token': the token contains a control character (U+000A, a line feed, at "
                        + "character 14)")
                .doesNotContain("8c1e");
    }

    @Test
    void aSecretPastedIntoOtherSettingsIsNeverQuoted() {
        String token = "tok-8c1e-77d0";
        List<String> errors = files.errors(VALID_GROUP.replace(URL_LINE, URL_LINE + "\ntoken = \"" + token + "\""
                + "\nsamples = \"" + token + "\"\nmethod = \"" + token + "\"")
                + "[[groups.web.notify]]\nplugin = \"webhook\"\nurl = \"" + token + "\"\n");

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).contains("setting 'samples' expected an integer, got the string \"****\"");
        assertThat(errors.get(1)).contains("setting 'method' must be one of GET, HEAD, got \"****\"");
        assertThat(errors.get(2)).contains("webhook: setting 'url' expected uri");
        assertThat(errors).noneMatch(error -> error.contains("8c1e"));
    }

    @Test
    void aSecretPastedIntoAGroupKeyIsNeverQuoted() {
        List<String> errors = files.errors(VALID_GROUP.replace("max = 3", "max = 3\ntimezone = \"tok-8c1e-77d0\"")
                .replace(URL_LINE, URL_LINE + "\ntoken = \"tok-8c1e-77d0\""));

        assertThat(errors).singleElement().asString().contains("unknown time zone '****'")
                .doesNotContain("8c1e");
    }

    @Test
    void aSecretOfAComponentThatIsItselfWrongIsStillNeverQuoted() {
        // The token's own component fails, so its settings never resolve: the token must be masked all the same.
        List<String> errors = files.errors(VALID_GROUP.replace(URL_LINE, URL_LINE
                + "\ntoken = \"${TOKEN}\"\nsamples = \"Bearer ${TOKEN}\""),
                TestProviders.catalog(), Map.of("TOKEN", "tok-8c1e-77d0"));

        assertThat(errors).singleElement().asString()
                .contains("setting 'samples' expected an integer, got the string \"Bearer ****\"");
    }

    @Test
    void aShortSecretPastedElsewhereIsMaskedOnlyWhereItIsTheWholeWord() {
        List<String> errors = files.errors(VALID_GROUP.replace(URL_LINE, URL_LINE
                + "\ntoken = \"abc\"\nsamples = \"abc\"\nmethod = \"abcweb\""));

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("expected an integer, got the string \"****\"");
        assertThat(errors.get(1)).contains("got \"abcweb\"");
    }
}
