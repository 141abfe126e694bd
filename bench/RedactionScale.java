import io.autoscalebot.engine.notify.Redactor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints what redacting one log line costs as the number of secrets grows (one token per group, up to 10,000 groups),
 * for the engine's {@link Redactor} (one matcher over every secret, built once; a line is decoded into more views
 * when it holds escapes) and for the loop it replaced (one {@code String.replace} per secret, raw form only). The
 * Redactor's columns should stay flat; the last grows with the secrets. CPU time of this thread, best of five rounds, so other work on a shared machine does not count.
 *
 * <pre>java --module-path dist/target/autoscalebot/lib --add-modules ALL-MODULE-PATH bench/RedactionScale.java</pre>
 */
public final class RedactionScale {

    private static final int[] SECRETS = {1, 10, 100, 1_000, 10_000};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** A line as the engine logs most: plain words and numbers. */
    private static final String PLAIN = "web: current 3, measured 1420 ms, scaled 3 -> 4: 3 of the last 3 measurements"
            + " are above 1200 ms (1380, 1410, 1420); max is 8";
    /** A line with everything decoded: a percent-encoded query and an escaped JSON excerpt. */
    private static final String LINE = "web: current 3, measurement failed: GET https://app.example.com/autoscale?"
            + "q=queue%2Fdepth&x=1 answered 502; the response starts with: {\"error\":\"upstream \\\"db-1\\\" timed"
            + " out after 30s\",\"retry\":true}, hold: the latest measurement failed";

    public static void main(String[] args) {
        System.out.println("secrets  build ms  ns per plain line  ns per escaped line  ns per line (replace loop)");
        for (int count : SECRETS) {
            List<String> secrets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                secrets.add(String.format(Locale.ROOT, "tok-%08x-%04d-secret", i * 2654435761L, i));
            }
            long start = THREADS.getCurrentThreadCpuTime();
            Redactor redactor = Redactor.of(secrets);
            long build = THREADS.getCurrentThreadCpuTime() - start;
            int lines = Math.max(200, 2_000_000 / count);
            long plain = best(() -> {
                for (int i = 0; i < 20_000; i++) {
                    redactor.redact(PLAIN);
                }
            }) / 20_000;
            long matcher = best(() -> {
                for (int i = 0; i < 20_000; i++) {
                    redactor.redact(LINE);
                }
            }) / 20_000;
            long replace = best(() -> {
                for (int i = 0; i < lines; i++) {
                    String text = LINE;
                    for (String secret : secrets) {
                        text = text.replace(secret, "****");
                    }
                }
            }) / lines;
            System.out.printf(Locale.ROOT, "%7d %9.1f %18d %20d %27d%n", count, build / 1e6, plain, matcher, replace);
        }
    }

    private static long best(Runnable rounds) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            rounds.run();
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
        }
        return best;
    }
}
