package io.autoscalebot.simulate.trace;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a workload trace from CSV: {@code timestamp,count} rows, optionally under a header line such as
 * {@code time,number_of_requests} or {@code Time,Projectviews}. Timestamps are {@code yyyy-MM-dd HH:mm:ss} (a {@code T}
 * may stand for the space, the seconds may be left off) in the reader's time zone, UTC by default; or ISO-8601 with an
 * offset, which then wins over that zone ({@code 2024-01-01T00:00:00Z}, {@code 2024-01-01T00:00:00+02:00}, also with
 * fractions of a second, which are dropped).
 *
 * <p>The step is the median gap between rows, so a few holes do not change it. A longer gap that is a whole number of
 * steps is a run of missing steps, handled as {@link MissingSteps} says ({@link #DEFAULT_MISSING_STEPS} unless chosen)
 * and reported by {@link Trace#gaps()}. Rows out of time order, duplicated, or off the step grid are errors.
 */
public final class TraceReader {

    /** Missing steps count as steps without arrivals unless chosen otherwise; see {@link MissingSteps#ZERO} for why. */
    public static final MissingSteps DEFAULT_MISSING_STEPS = MissingSteps.ZERO;

    private static final String EXAMPLE = "like '1995-07-01 00:00:00,42'";

    private final MissingSteps missing;
    private final ZoneId zone;

    /**
     * @param missing what to do with steps the file has no row for
     * @param zone the time zone the file's timestamps are in
     */
    public TraceReader(MissingSteps missing, ZoneId zone) {
        this.missing = Objects.requireNonNull(missing, "missing");
        // A zone of fixed offset (the command line's default "UTC" is a region, not ZoneOffset.UTC) as that offset:
        // each row is then one subtraction instead of a ZonedDateTime, which took a quarter of reading months of rows.
        this.zone = Objects.requireNonNull(zone, "zone").normalized();
    }

    /** A reader treating missing steps as {@link #DEFAULT_MISSING_STEPS} and timestamps as UTC. */
    public TraceReader() {
        this(DEFAULT_MISSING_STEPS, ZoneOffset.UTC);
    }

    /**
     * @param file a CSV trace
     * @return the trace
     * @throws TraceException if the file cannot be read or a row is wrong; the message names the file and line
     */
    public Trace read(Path file) throws TraceException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TraceException("trace file " + file + " does not exist; give the path of a CSV of"
                    + " 'timestamp,count' rows", e);
        } catch (IOException e) {
            throw new TraceException("cannot read trace file " + file + ": " + e.getMessage(), e);
        }
        return read(file.toString(), text);
    }

    /**
     * @param source the name to use in messages
     * @param csv the CSV text
     * @return the trace
     * @throws TraceException if a row is wrong
     * @throws IOException if {@code csv} cannot be read
     */
    public Trace read(String source, Reader csv) throws TraceException, IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read = csv.read(buffer); read >= 0; read = csv.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return read(source, text.toString());
    }

    private Trace read(String source, String text) throws TraceException {
        Rows rows = parse(source, text);
        if (rows.size < 2) {
            throw new TraceException(source + ": found " + rows.size + " data rows; a trace needs at least two to tell"
                    + " its step, " + EXAMPLE);
        }
        long step = medianGap(rows);
        List<TraceGap> gaps = findGaps(source, rows, step);
        return missing == MissingSteps.ZERO
                ? zeroFilled(source, rows, step, gaps)
                : new Trace(source, Duration.ofSeconds(step), Arrays.copyOf(rows.times, rows.size),
                        Arrays.copyOf(rows.counts, rows.size), missing, gaps);
    }

    /** Scans the text in place, without a String per line: months of minutes must read in a fraction of a second. */
    private Rows parse(String source, String text) throws TraceException {
        Rows rows = new Rows();
        DateCache dates = new DateCache();
        int next = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int lineNumber = 0;
        boolean headerAllowed = true;
        while (next < text.length()) {
            int newline = text.indexOf('\n', next);
            int end = newline < 0 ? text.length() : newline;
            int from = next;
            next = end + 1;
            lineNumber++;
            while (from < end && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (from == end) {
                continue;
            }
            int comma = text.indexOf(',', from);
            int extraComma = comma < 0 ? -1 : text.indexOf(',', comma + 1);
            if (comma < 0 || comma >= end || (extraComma >= 0 && extraComma < end)) {
                throw new TraceException(at(source, lineNumber) + "expected two columns 'timestamp,count' "
                        + EXAMPLE + ", got '" + text.substring(from, end) + "'");
            }
            long time;
            try {
                time = parseTime(text, from, trimEnd(text, from, comma), dates);
            } catch (DateTimeException | NumberFormatException e) {
                if (headerAllowed) {
                    headerAllowed = false;
                    continue;
                }
                throw new TraceException(at(source, lineNumber) + "cannot read the timestamp '"
                        + text.substring(from, comma).trim() + "': expected yyyy-MM-dd HH:mm:ss or ISO-8601 like "
                        + "2024-01-01T00:00:00Z, " + EXAMPLE);
            }
            headerAllowed = false;
            if (rows.size > 0 && time <= rows.times[rows.size - 1]) {
                throw new TraceException(at(source, lineNumber) + "timestamp " + Instant.ofEpochSecond(time)
                        + " is not after the previous row's " + Instant.ofEpochSecond(rows.times[rows.size - 1])
                        + "; rows must be in time order, one per step");
            }
            rows.add(time, parseCount(source, lineNumber, text, skipSpaces(text, comma + 1, end), end), lineNumber);
        }
        return rows;
    }

    /** @return {@code FILE:LINE: }, the form editors and terminals turn into a link to the line */
    private static String at(String source, int line) {
        return source + ":" + line + ": ";
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int skipSpaces(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static double parseCount(String source, int lineNumber, String text, int from, int end)
            throws TraceException {
        double count = end > from && end - from < 16 ? wholeNumber(text, from, end) : -1;
        if (count < 0) {
            try {
                count = Double.parseDouble(text.substring(from, end));
            } catch (NumberFormatException e) {
                count = Double.NaN;
            }
        }
        if (!(count >= 0) || Double.isInfinite(count)) {
            throw new TraceException(at(source, lineNumber) + "cannot use the count '"
                    + text.substring(from, end) + "': expected the number of arrivals in the step, 0 or more, "
                    + EXAMPLE);
        }
        return count;
    }

    /** @return the digits as a number, or -1 when they are not only digits (a decimal, a sign, a word) */
    private static long wholeNumber(String text, int from, int end) {
        long value = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Reads {@code yyyy-MM-dd HH:mm[:ss][.fraction][offset]} by position, looking each date up once: ten times faster
     * than parsing.
     */
    private long parseTime(String text, int from, int end, DateCache dates) {
        if (end - from < 16 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-'
                || (text.charAt(from + 10) != ' ' && text.charAt(from + 10) != 'T') || text.charAt(from + 13) != ':') {
            throw new DateTimeException("not yyyy-MM-dd HH:mm:ss");
        }
        int hour = digits(text, from + 11, from + 13);
        int minute = digits(text, from + 14, from + 16);
        int position = from + 16;
        int second = 0;
        if (position < end && text.charAt(position) == ':') {
            second = digits(text, position + 1, Math.min(end, position + 3));
            position += 3;
            position = skipFraction(text, position, end);
        }
        if (hour > 23 || minute > 59 || second > 59 || position > end) {
            throw new DateTimeException("time of day out of range");
        }
        long local = dates.epochDay(text, from) * 86_400 + hour * 3600L + minute * 60L + second;
        if (position < end) {
            return local - offsetSeconds(text, position, end);
        }
        if (zone instanceof ZoneOffset) {
            return local - ((ZoneOffset) zone).getTotalSeconds();
        }
        return LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC).atZone(zone).toEpochSecond();
    }

    /** @return where the fraction of a second starting at {@code from} ({@code .250}) ends; {@code from} if none */
    private static int skipFraction(String text, int from, int end) {
        if (from >= end || text.charAt(from) != '.') {
            return from;
        }
        int position = from + 1;
        while (position < end && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position == from + 1) {
            throw new DateTimeException("no digits after the decimal point");
        }
        return position;
    }

    /** @return the ISO-8601 offset {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM} from text, in seconds */
    private static int offsetSeconds(String text, int from, int end) {
        int length = end - from;
        char sign = text.charAt(from);
        if (length == 1 && (sign == 'Z' || sign == 'z')) {
            return 0;
        }
        if ((sign != '+' && sign != '-') || (length != 3 && length != 5 && length != 6)
                || (length == 6 && text.charAt(from + 3) != ':')) {
            throw new DateTimeException("not an offset like Z or +02:00");
        }
        int hours = digits(text, from + 1, from + 3);
        int minutes = length == 3 ? 0 : digits(text, end - 2, end);
        if (hours > 18 || minutes > 59) {
            throw new DateTimeException("offset out of range");
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit: " + c);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The last date read: rows of one day share it, so it is validated and converted once a day, not once a row. */
    private static final class DateCache {
        private String date = "";
        private long epochDay;

        long epochDay(String text, int from) {
            if (date.isEmpty() || !text.startsWith(date, from)) {
                date = text.substring(from, from + 10);
                epochDay = LocalDate.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)).toEpochDay();
            }
            return epochDay;
        }
    }

    private static long medianGap(Rows rows) {
        long[] gaps = new long[rows.size - 1];
        for (int i = 1; i < rows.size; i++) {
            gaps[i - 1] = rows.times[i] - rows.times[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    private static List<TraceGap> findGaps(String source, Rows rows, long step) throws TraceException {
        List<TraceGap> gaps = new ArrayList<>();
        for (int i = 1; i < rows.size; i++) {
            long gap = rows.times[i] - rows.times[i - 1];
            if (gap % step != 0) {
                throw new TraceException(at(source, rows.lines[i]) + "this row is " + gap + "s after the"
                        + " previous one, which is not a whole number of the trace's " + step + "s step (the median"
                        + " gap); rows must lie on one evenly spaced grid");
            }
            if (gap > step) {
                gaps.add(new TraceGap(Instant.ofEpochSecond(rows.times[i - 1]), Instant.ofEpochSecond(rows.times[i]),
                        gap / step - 1));
            }
        }
        return gaps;
    }

    private Trace zeroFilled(String source, Rows rows, long step, List<TraceGap> gaps) {
        int size = Math.toIntExact((rows.times[rows.size - 1] - rows.times[0]) / step + 1);
        long[] times = new long[size];
        double[] counts = new double[size];
        for (int i = 0; i < size; i++) {
            times[i] = rows.times[0] + i * step;
        }
        for (int i = 0; i < rows.size; i++) {
            counts[(int) ((rows.times[i] - rows.times[0]) / step)] = rows.counts[i];
        }
        return new Trace(source, Duration.ofSeconds(step), times, counts, missing, gaps);
    }

    /** Growable columns of the rows read so far. */
    private static final class Rows {
        long[] times = new long[1024];
        double[] counts = new double[1024];
        int[] lines = new int[1024];
        int size;

        void add(long time, double count, int line) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            times[size] = time;
            counts[size] = count;
            lines[size] = line;
            size++;
        }
    }
}
