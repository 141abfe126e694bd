package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard ({@code /}) of a real run, in a real browser: Debian's {@code chromium} driven through its
 * {@code chromedriver} by Selenium, both found on the PATH and named explicitly (Selenium Manager never downloads
 * anything). The page shows each group; after the measured value changes and web scales, the page shows the new count
 * and the scale by reloading itself, never because the test reloads it. A screenshot is kept as
 * {@code target/dashboard-screenshot.png}. Skipped where chromium or chromedriver is missing, except under
 * {@code CI=true} ({@code .ci/run} installs both).
 */
class DashboardInBrowserIT {

    private static final Pattern PORT = Pattern.compile("status on port (\\d+)");
    private static final Duration START_BOUND = Duration.ofSeconds(60);
    /** Generous: the run ticks every second and the page reloads every 2 s, but two cores are shared. */
    private static final Duration PAGE_BOUND = Duration.ofSeconds(180);
    private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png").toAbsolutePath();

    private static ChromeDriver browser;

    @TempDir
    Path work;

    @BeforeAll
    static void openTheBrowser() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Optional<Path> driver = onPath("chromedriver");
        if ((chromium.isEmpty() || driver.isEmpty()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and no chromium or chromedriver on the PATH (.ci/run installs"
                    + " the chromium and chromium-driver packages)");
        }
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(),
                "no chromium or chromedriver on the PATH; apt-get install chromium chromium-driver to run this");
        Path profile = Files.createDirectories(Path.of("target", "dashboard-browser").toAbsolutePath());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + profile.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsEachGroupAndAScaleAfterReloadingItself() throws Exception {
        Path value = Files.writeString(work.resolve("web-load"), "5\n");
        // web holds at 2 while its load (5) lies between the thresholds; one reading above 10 scales it to 3, then
        // the 10-minute wait keeps it there. worker holds at 1 throughout.
        Path config = Configs.write(work.resolve("autoscale.toml"), Configs.stateDir(work.resolve("state")),
                "[server]\nlisten = \"127.0.0.1:0\"\n",
                Configs.group("web", 1, 4, "interval", "1s"),
                Configs.component("web", "measure", "static", "file", value),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1,
                        "fails", 1, "post_scale_wait", "10m"),
                Configs.component("web", "scale", "memory", "start", 2),
                Configs.group("worker", 1, 3, "interval", "1s"),
                Configs.component("worker", "measure", "static", "value", 5),
                Configs.component("worker", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                Configs.component("worker", "scale", "memory", "start", 1));

        try (Cli.Running running = Cli.of(Distribution.home(), work).start("run", "--config", config.toString())) {
            Poll.until(START_BOUND, () -> PORT.matcher(running.stdout()).find(), running::output);
            Matcher port = PORT.matcher(running.stdout());
            assertThat(port.find()).isTrue();
            browser.get("http://127.0.0.1:" + port.group(1) + "/");
            Poll.until(PAGE_BOUND, () -> "2 processes".equals(read().get("web.count"))
                    && "1 process".equals(read().get("worker.count")), DashboardInBrowserIT::page);
            Map<String, Object> before = read();
            assertThat(before.get("title")).isEqualTo("autoscalebot");
            assertThat((String) before.get("role")).contains("active");
            assertThat(before.get("web.charts")).isEqualTo(2L);
            assertThat(before.get("web.lines")).as("the thresholds").isEqualTo(2L);
            assertThat((Long) before.get("web.bands")).as("the min/max band").isPositive();
            assertThat(before.get("web.events")).isEqualTo(0L);
            // Marks this document: a reload replaces it, so the mark's absence later proves the page reloaded.
            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

            Files.writeString(work.resolve("web-load.tmp"), "50\n");
            Files.move(work.resolve("web-load.tmp"), value, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);

            Poll.until(PAGE_BOUND, () -> "3 processes".equals(read().get("web.count")), DashboardInBrowserIT::page);
            Map<String, Object> after = read();
            assertThat(after.get("reloaded")).as("the page reloaded itself").isEqualTo(true);
            assertThat(after.get("web.events")).isEqualTo(1L);
            assertThat((String) after.get("web.event")).contains("2").contains("3").contains("above 10");
            assertThat((Long) after.get("web.markers")).isPositive();
            assertThat(after.get("worker.count")).isEqualTo("1 process");

            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOT, png);
            assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }

    /**
     * Reads what the test checks in one script, so all of it comes from the same document even though the page
     * reloads itself every few seconds.
     *
     * @return the facts, or an empty map while the page is being replaced
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> read() {
        try {
            Object facts = ((JavascriptExecutor) browser).executeScript(READ);
            return facts instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (WebDriverException reloading) {
            return Map.of();
        }
    }

    private static final String READ = """
            const facts = {title: document.title, reloaded: window.notReloaded === undefined,
                           role: (document.getElementById('role') || {}).textContent || ''};
            for (const name of ['web', 'worker']) {
              const group = document.querySelector("section.group[data-group='" + name + "']");
              if (!group) { continue; }
              const count = group.querySelector('span.count');
              const event = group.querySelector('tr.event');
              facts[name + '.count'] = count ? count.textContent : '';
              facts[name + '.charts'] = group.querySelectorAll('svg').length;
              facts[name + '.lines'] = group.querySelectorAll('line.reference').length;
              facts[name + '.bands'] = group.querySelectorAll('polygon.band').length;
              facts[name + '.markers'] = group.querySelectorAll('g.marker').length;
              facts[name + '.events'] = group.querySelectorAll('tr.event').length;
              facts[name + '.event'] = event ? event.textContent : '';
            }
            return facts;
            """;

    private static String page() {
        try {
            return "the page: " + browser.getPageSource();
        } catch (WebDriverException e) {
            return "the page could not be read: " + e.getMessage();
        }
    }

    private static Optional<Path> onPath(String... names) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(folder, name);
                if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
