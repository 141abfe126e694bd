import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the log of one bench/engine-scale.sh run and prints {@code RUN FAILED DUE P50 P99 MAX P50 P99 MAX}: the ticks
 * that ended, those of them that failed (logged as a warning: a plugin call or a plugin's creation timed out), the
 * ticks due on the groups' grids before the cut-off, and the lateness of the ended ones in milliseconds (tick end minus
 * due): of all of them, then of all but each group's first.
 *
 * <p>The engine does not report when a tick was due, so it is rebuilt here the way its scheduler
 * (ExecutorScheduler.nextDue) sets it: every group's first tick is due at the start, each next one an interval after
 * the previous due, or, when a tick ended after that, at the first point of the group's grid at or after its end.
 * Each group's ticks never overlap, so its log lines come in order.
 *
 * <p>The start is the earlier of the stamp of the "running" line (taken from outside, so a little late) and the
 * earliest {@code end - k * interval} of any group's k-th tick (a tick never ends before it is due). So lateness is
 * measured from the earliest the engine can have started, and includes each tick's own run time.
 *
 * <p>Run with the JDK's source launcher: {@code java bench/EngineScale.java LOG STARTED_MS CUTOFF_MS INTERVAL_S}.
 */
public final class EngineScale {

    /** {@code 1764640000123 INFO io.autoscalebot.engine.g00001: g00001: current 1, measured 800 ms, hold: ...}. */
    private static final Pattern LINE =
            Pattern.compile("^(\\d+) (\\w+) io\\.autoscalebot\\.engine\\.(g\\d+): \\3: (.*)$");
    /** Lines of a group's logger that are not the end of a tick. */
    private static final List<String> NOT_A_TICK = List.of("could not record", "could not deliver",
            "a tick was still running", "was not torn down", "teardown of");

    public static void main(String[] args) throws IOException {
        Path log = Path.of(args[0]);
        long stamped = Long.parseLong(args[1]);
        long cutoff = Long.parseLong(args[2]);
        long interval = Long.parseLong(args[3]) * 1000;
        int[] failed = {0};
        Map<String, List<Long>> ends = tickEnds(log, cutoff, failed);
        long started = stamped;
        for (List<Long> group : ends.values()) {
            for (int k = 0; k < group.size(); k++) {
                started = Math.min(started, group.get(k) - k * interval);
            }
        }
        List<Long> all = new ArrayList<>();
        // The first ticks of all groups are due at the same instant, on a JVM still loading classes; the later ones
        // show the steady state.
        List<Long> later = new ArrayList<>();
        for (List<Long> group : ends.values()) {
            long due = started;
            for (int k = 0; k < group.size(); k++) {
                long end = group.get(k);
                all.add(end - due);
                if (k > 0) {
                    later.add(end - due);
                }
                due = next(due, interval, end);
            }
        }
        // Every group is due at the start and on each point of its grid before the cut-off; the scheduler skips the
        // points a late tick overran, so those count as due and not run.
        long due = (long) groupsIn(log) * ((cutoff - started + interval - 1) / interval);
        System.out.println(all.size() + " " + failed[0] + " " + due + " " + summary(all) + " " + summary(later));
    }

    /**
     * @param failed where to count the ticks that failed
     * @return each group's tick end times up to the cut-off, in the order they were logged
     */
    private static Map<String, List<Long>> tickEnds(Path log, long cutoff, int[] failed) throws IOException {
        Map<String, List<Long>> ends = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(log)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher m = LINE.matcher(line);
                if (!m.matches() || NOT_A_TICK.stream().anyMatch(m.group(4)::contains)) {
                    continue;
                }
                long end = Long.parseLong(m.group(1));
                if (end <= cutoff) {
                    ends.computeIfAbsent(m.group(3), g -> new ArrayList<>()).add(end);
                    failed[0] += m.group(2).equals("INFO") ? 0 : 1;
                }
            }
        }
        return ends;
    }

    /** When the tick after one due at {@code due} and ended at {@code end} is due, as ExecutorScheduler.nextDue. */
    static long next(long due, long interval, long end) {
        long next = due + interval;
        long late = end - next;
        if (late <= 0) {
            return next;
        }
        return next + ((late + interval - 1) / interval) * interval;
    }

    /** How many groups the config next to the log holds ({@code [groups.NAME]} headers). */
    private static int groupsIn(Path log) throws IOException {
        Pattern header = Pattern.compile("^\\[groups\\.[^.\\]]+\\]$");
        try (var lines = Files.lines(log.resolveSibling("autoscale.toml"))) {
            return (int) lines.filter(l -> header.matcher(l).matches()).count();
        }
    }

    /** @return {@code P50 P99 MAX} in milliseconds, or {@code n/a n/a n/a} */
    private static String summary(List<Long> values) {
        if (values.isEmpty()) {
            return "n/a n/a n/a";
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return percentile(sorted, 50) + " " + percentile(sorted, 99) + " " + sorted[sorted.length - 1];
    }

    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
