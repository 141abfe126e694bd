package io.autoscalebot.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A secret echoed back by a server comes in whatever form the server wrote it: JSON-escaped, percent-encoded, inside
 * a Basic authorization header. Each form must be masked, and short secrets must not eat ordinary words.
 */
class RedactorEncodingsTest {

    /** Has every character JSON and URLs escape: a backslash, a quote, a space, a slash, a plus, non-ASCII. */
    static final String SECRET = "p\\a\"ss w/rd+é€-42";

    /** Every encoding of {@link #SECRET} the redactor must mask, each named. */
    static List<Object[]> encodings() {
        return List.of(
                new Object[] {"raw", SECRET},
                new Object[] {"JSON, minimal escapes", json(SECRET, false, null)},
                new Object[] {"JSON, slash escaped", json(SECRET, true, null)},
                new Object[] {"JSON, non-ASCII as \\u00xx lower case", json(SECRET, false, "%04x")},
                new Object[] {"JSON, non-ASCII as \\u00XX upper case", json(SECRET, false, "%04X")},
                new Object[] {"JSON, every character \\u-escaped", unicodeEscapes(SECRET, "%04x")},
                new Object[] {"JSON, every character \\u-escaped, upper case", unicodeEscapes(SECRET, "%04X")},
                new Object[] {"URL-encoded, + for space", URLEncoder.encode(SECRET, StandardCharsets.UTF_8)},
                new Object[] {"URL-encoded, %20 for space", URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
                        .replace("+", "%20")},
                new Object[] {"URL-encoded, lower-case hex",
                        lowerHex(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))},
                new Object[] {"URL-encoded inside JSON", json(URLEncoder.encode(SECRET, StandardCharsets.UTF_8), true,
                        null)},
                new Object[] {"Base64", base64(SECRET)},
                new Object[] {"Base64 without padding", base64(SECRET).replace("=", "")},
                new Object[] {"Base64, URL alphabet", Base64.getUrlEncoder().encodeToString(
                        SECRET.getBytes(StandardCharsets.UTF_8))});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void masksTheSecretInEveryCommonEncoding(String name, String encoded) {
        Redactor redactor = Redactor.of(Set.of(SECRET));

        String line = "the response starts with: {\"error\":\"bad token " + encoded + "\"}";

        assertThat(redactor.redact(line)).as(encoded)
                .isEqualTo("the response starts with: {\"error\":\"bad token ****\"}");
    }

    @Test
    void masksTheBase64OfUserAndPasswordInABasicAuthorizationHeader() {
        Redactor redactor = Redactor.of(Set.of("s3cr3t-pass", "deploy:s3cr3t-pass"));

        String header = "Authorization: Basic " + base64("deploy:s3cr3t-pass");

        assertThat(redactor.redact("server echoed " + header)).isEqualTo("server echoed Authorization: Basic ****");
    }

    @Test
    void masksAPasswordInsideAnyBase64TextWhateverItsOffset() {
        // Heroku sends ":token", SMTP AUTH PLAIN "\0user\0password": the password sits at any offset of the blob.
        Redactor redactor = Redactor.of(Set.of("s3cr3t-pass-word"));

        for (String prefix : List.of("", ":", "\0u\0", "ab:")) {
            String redacted = redactor.redact("AUTH PLAIN " + base64(prefix + "s3cr3t-pass-word"));
            // What may stay: the prefix's characters, one shared with the password, one partial at its end, padding.
            String left = redacted.replace("AUTH PLAIN ", "").replace("****", "");
            assertThat(redacted).as(prefix.replace("\0", "\\0")).contains("****");
            assertThat(left.length()).as(redacted).isLessThanOrEqualTo((prefix.length() + 2) / 3 * 4 + 4);
        }
    }

    @Test
    void masksAShortSecretOnlyWhereItStandsAlone() {
        Redactor redactor = Redactor.of(Set.of("abc"));

        assertThat(redactor.redact("abcweb runs; token abc was refused; webabc; x=abc&y"))
                .isEqualTo("abcweb runs; token **** was refused; webabc; x=****&y");
    }

    @Test
    void aOneLetterSecretDoesNotMaskThatLetterEverywhere() {
        Redactor redactor = Redactor.of(Set.of("a"));

        assertThat(redactor.redact("could not deliver a notification as planned"))
                .isEqualTo("could not deliver **** notification as planned");
        assertThat(redactor.redact("max_retries reached")).isEqualTo("max_retries reached");
    }

    @Test
    void masksAShortSecretEncodedAloneInBase64ButNeverInsideOrdinaryWords() {
        Redactor redactor = Redactor.of(Set.of("abc", "x"));
        String prose = "Heroku refused the scale: the formation of web could not change while a release runs; "
                + "retry in a minute, or ask support about Xylophone-grade quotas";

        assertThat(redactor.redact("token YWJj refused")).isEqualTo("token **** refused");
        assertThat(redactor.redact(prose)).isEqualTo(prose);
    }

    @Test
    void masksALongSecretEvenInsideAWord() {
        Redactor redactor = Redactor.of(Set.of("abcdefgh"));

        assertThat(redactor.redact("xxabcdefghyy")).isEqualTo("xx****yy");
    }

    @Test
    void masksThePasswordOfAnyUrlWithCredentials() {
        Redactor redactor = Redactor.of(Set.of());

        assertThat(redactor.redact("cannot reach redis://default:hunter2@cache:6379/0 (refused)"))
                .isEqualTo("cannot reach redis://default:****@cache:6379/0 (refused)");
        assertThat(redactor.redact("GET http://127.0.0.1:8080/health took 3 ms"))
                .isEqualTo("GET http://127.0.0.1:8080/health took 3 ms");
    }

    @Test
    void masksOverlappingAndAdjacentSecretsWhole() {
        Redactor redactor = Redactor.of(Set.of("token-one-1234", "one-1234-token"));

        assertThat(redactor.redact("[token-one-1234-token]")).isEqualTo("[****]");
    }

    @Test
    void leavesTextWithoutSecretsAlone() {
        Redactor redactor = Redactor.of(Set.of("hunter2hunter2"));
        String text = "a \\\"quoted\\\" %41 + \\u0041 line";

        assertThat(redactor.redact(text)).isSameAs(text);
    }

    /** JSON string content, with {@code \\u} escapes for non-ASCII characters in that hex format, or none. */
    private static String json(String text, boolean escapeSlash, String nonAsciiFormat) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c == '/' && escapeSlash) {
                out.append("\\/");
            } else if (c > 0x7e && nonAsciiFormat != null) {
                out.append("\\u").append(String.format(Locale.ROOT, nonAsciiFormat, (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unicodeEscapes(String text, String format) {
        return text.chars().mapToObj(c -> "\\u" + String.format(Locale.ROOT, format, c)).collect(Collectors.joining());
    }

    private static String lowerHex(String percentEncoded) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < percentEncoded.length(); i++) {
            char c = percentEncoded.charAt(i);
            out.append(c);
            if (c == '%') {
                out.append(percentEncoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            }
        }
        return out.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
