package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution fed what operators really write and what servers really answer: secrets in the wrong places, URLs
 * that do not parse, tokens echoed back encoded. Nothing secret may reach any output, and the output says what happened
 * once and in plain words.
 */
class BadInputIT {

    /** A token with characters every encoding escapes: a slash, a quote, a non-ASCII letter. */
    private static final String TOKEN = "tok/8c1e\"77d0é";
    private static final String TOKEN_MARK = "8c1e";

    @TempDir
    static Path work;
    private static Cli cli;

    @BeforeAll
    static void inATemporaryFolder() {
        cli = Cli.of(Distribution.home(), work);
    }

    @Test
    void validateNeverShowsAUrlPasswordThatDoesNotParse() {
        Path config = Configs.write(work.resolve("url-password.toml"),
                Configs.group("web", 1, 2),
                Configs.component("web", "measure", "response-time", "url", "http://user:Pa^ss|w0rd@127.0.0.1/"),
                Configs.component("web", "decide", "consecutive-threshold"),
                Configs.localSleep("web", 60),
                Configs.group("api", 1, 2),
                Configs.component("api", "measure", "response-time", "url", "${API_URL}"),
                Configs.component("api", "decide", "consecutive-threshold"),
                Configs.localSleep("api", 60));

        Cli.Result result = cli.withEnvironment("API_URL", "http://user:Pa ss w0rd@127.0.0.1/")
                .run("config", "validate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr().lines().filter(line -> line.startsWith(config + ":") && line.contains(
                ": response-time: setting 'url' expected a URI, got 'http://user:****@127.0.0.1/': ")))
                .as(result.output()).hasSize(2);
        assertThat(result.output()).doesNotContain("w0rd", "Pa^ss", "Pa ss");
    }

    @Test
    void validateNeverQuotesATokenPastedIntoOtherSettings() {
        Path config = Configs.write(work.resolve("pasted-token.toml"),
                Configs.group("web", 1, 2),
                Configs.component("web", "measure", "response-time", "url", "http://127.0.0.1:9/"),
                Configs.component("web", "decide", "consecutive-threshold"),
                Configs.component("web", "scale", "heroku", "app", "my-app", "token", TOKEN,
                        "api_url", TOKEN, "max_retries", TOKEN));

        Cli.Result result = cli.run("config", "validate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).as(result.output())
                .contains("heroku: setting 'api_url' expected a URI, got '****'")
                .contains("heroku: setting 'max_retries' expected an integer, got the string \"****\"");
        assertThat(result.output()).doesNotContain(TOKEN_MARK);
    }

    @Test
    void runOnceMasksATokenTheAppEchoesBackInAnyEncoding() throws IOException {
        String body = "{\"error\":\"invalid token " + TOKEN.replace("\"", "\\\"").replace("/", "\\/")
                .replace("é", "\\u00e9") + "\",\"sent\":\"" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)
                + "\",\"auth\":\"Basic " + base64(":" + TOKEN) + "\"}";
        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        app.start();
        try {
            Path config = Configs.write(work.resolve("echo.toml"),
                    Configs.stateDir(work.resolve("echo-state")),
                    Configs.group("web", 0, 2),
                    Configs.component("web", "measure", "app-decision", "url", "http://127.0.0.1:"
                            + app.getAddress().getPort() + "/autoscale", "pointer", "/depth", "token", TOKEN),
                    Configs.component("web", "decide", "consecutive-threshold"),
                    Configs.localSleep("web", 60),
                    "[[groups.web.notify]]\nplugin = \"console\"\n");

            Cli.Result result = cli.run("run", "--once", "--config", config.toString());

            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.stdout()).as(result.output()).contains("web: failed: current 0, ")
                    .contains("401").contains("****");
            assertThat(result.output()).doesNotContain(TOKEN_MARK, base64(":" + TOKEN).substring(4, 16));
            assertThat(result.stderr()).as(result.output()).contains("INFO", "stopping (--once finished)");
        } finally {
            app.stop(0);
        }
    }

    @Test
    void validateOfManyGroupsListsTheFirstTwentyThenHowManyMore() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            parts.add(Configs.group("g" + i, 1, 2));
            parts.add(Configs.component("g" + i, "measure", "response-time", "url", "http://127.0.0.1:9/"));
            parts.add(Configs.component("g" + i, "decide", "consecutive-threshold"));
            parts.add(Configs.localSleep("g" + i, 60));
        }
        Path config = Configs.write(work.resolve("many.toml"), parts.toArray(String[]::new));

        Cli.Result result = cli.run("config", "validate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains(": valid, 30 groups: g0 (every 30 s")
                .contains("g19 (every 30 s").doesNotContain("g20 (").endsWith("; and 10 more" + System.lineSeparator());
    }

    @Test
    void takesPluginsDirBeforeTheSubcommand() throws IOException {
        Path thirdParty = Files.createDirectories(work.resolve("third-party"));
        Files.copy(Distribution.thirdPartyJar(), thirdParty.resolve(Distribution.thirdPartyJar().getFileName()),
                StandardCopyOption.REPLACE_EXISTING);

        Cli.Result result = cli.run("--plugins-dir", thirdParty.toString(), "plugins", "list");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("file-value");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
