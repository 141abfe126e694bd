package io.autoscalebot.simulate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulatedGroups;
import io.autoscalebot.simulate.SimulationModel;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.Simulator;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.Trace;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens a comparison report in a real browser (Debian's {@code chromium}, headless): the page must parse into the
 * charts it was written with and render to a screenshot, kept under {@code target/report-in-browser/} for people to
 * look at. Skipped where chromium is missing, except under {@code CI=true} ({@code .ci/run} installs it).
 */
class ReportInBrowserTest {

    private static final Path FOLDER = Path.of("target", "report-in-browser").toAbsolutePath();
    /** Generous: a cold chromium on two busy cores; the test waits for the process, never for a fixed time. */
    private static final long BROWSER_TIMEOUT_SECONDS = 180;

    private static Path chromium;
    private static Path page;
    private static String html;

    @BeforeAll
    static void writeAComparisonReport() throws Exception {
        Optional<Path> found = find();
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and no chromium on the PATH (.ci/run installs it)");
        }
        Assumptions.assumeTrue(found.isPresent(), "no chromium on the PATH; apt-get install chromium to run this");
        chromium = found.get();
        Files.createDirectories(FOLDER);
        Trace trace = twoWeeks();
        SimulationModel model = new SimulationModel(10, Duration.ofMinutes(1), 1, Duration.ofMillis(500),
                Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.empty());
        List<ComparedPolicy> policies = new ArrayList<>();
        for (int high : new int[] {250, 400, 1000}) {
            SimulatedGroups groups = new SimulatedGroups(new SimulatedGroups.Stepper(120, high, Duration.ZERO));
            SimulationResult result = new Simulator(model, Set.of()).run(groups.build("web"), trace,
                    Simulator.Progress.NONE);
            policies.add(new ComparedPolicy("up-above-" + high + "ms.toml", result));
        }
        html = SimulationHtml.page(policies);
        page = Files.writeString(FOLDER.resolve("report.html"), html);
    }

    /** Two weeks of minutes: a daily season from 5 to 80 requests/s, and a flash crowd of 200/s on the ninth day. */
    private static Trace twoWeeks() {
        double[] perMinute = new double[14 * 1440];
        for (int i = 0; i < perMinute.length; i++) {
            double season = 5 + 75 * (1 - Math.cos(2 * Math.PI * (i % 1440) / 1440)) / 2;
            boolean crowd = i >= 8 * 1440 + 13 * 60 && i < 8 * 1440 + 14 * 60;
            perMinute[i] = 60 * (crowd ? 200 : season);
        }
        return Trace.uniform("two weeks.csv", Instant.parse("2026-04-06T00:00:00Z"), Duration.ofMinutes(1),
                perMinute);
    }

    @Test
    void parsesIntoEveryChartItWasWrittenWith() throws Exception {
        String dom = run("--dump-dom", page.toUri().toString());

        // Three policies of four charts each (whole replay and worst day), and the cost/SLO chart.
        assertThat(count(html, "<svg ")).isEqualTo(13);
        assertThat(count(dom, "<svg ")).isEqualTo(13);
        assertThat(count(dom, "class=\"slo-broken\"")).isEqualTo(count(html, "class=\"slo-broken\"")).isPositive();
        assertThat(dom).contains("Worst day: 2026-04-14");
    }

    @Test
    void rendersToAScreenshot() throws Exception {
        Path png = FOLDER.resolve("report.png");
        Files.deleteIfExists(png);

        run("--screenshot=" + png, "--window-size=1400,2000", page.toUri().toString());

        byte[] image = Files.readAllBytes(png);
        assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        // The IHDR chunk's width and height: the window asked for.
        assertThat(ByteBuffer.wrap(image, 16, 8).getInt()).isEqualTo(1400);
        assertThat(ByteBuffer.wrap(image, 20, 4).getInt()).isEqualTo(2000);
        // A page of text and charts compresses far worse than a blank one (a few kB).
        assertThat(image.length).isGreaterThan(100_000);
    }

    /** Runs headless chromium with its own profile under target/, and returns what it printed. */
    private static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + FOLDER.resolve("profile")));
        command.addAll(List.of(arguments));
        Path output = FOLDER.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(FOLDER.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s: " + command);
        }
        assertThat(process.exitValue()).as("chromium's exit code; its errors: %s",
                Files.readString(FOLDER.resolve("chromium.err"))).isZero();
        return Files.readString(output);
    }

    private static Optional<Path> find() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(folder, name);
                if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            found++;
        }
        return found;
    }
}
