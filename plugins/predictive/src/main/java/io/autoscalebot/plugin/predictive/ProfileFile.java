package io.autoscalebot.plugin.predictive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The learnt profile on disk, as a small CSV people can read and plot: one line per visited bucket. Written to a
 * temporary file and moved into place, so a crash mid-write leaves the previous profile, never half of one.
 */
final class ProfileFile {

    /** The file's name in the plugin's state directory. */
    static final String NAME = "profile.csv";

    private static final String FORMAT = "format,1";
    private static final String COLUMNS = "season,index,mean,peak,visits";

    private final Path file;

    /** @param stateDirectory the plugin instance's state directory */
    ProfileFile(Path stateDirectory) {
        this.file = stateDirectory.resolve(NAME);
    }

    /** @return where the profile is kept */
    Path path() {
        return file;
    }

    /**
     * Writes the profile atomically, creating the state directory if needed.
     *
     * @param profile what was learnt
     * @throws IOException if the directory or file cannot be written
     */
    void write(SeasonalProfile profile) throws IOException {
        StringBuilder text = new StringBuilder("# autoscalebot predictive: learnt busy processes per time bucket"
                + " (weeks from Monday 00:00 UTC). Safe to delete: the plugin learns again.\n")
                .append(FORMAT).append('\n')
                .append("bucket_seconds,").append(profile.bucket().getSeconds()).append('\n')
                .append(COLUMNS).append('\n');
        for (Season season : profile.seasons()) {
            for (int index = 0; index < season.size(); index++) {
                Season.LearntBucket bucket = season.bucket(index);
                if (bucket.visits() > 0) {
                    text.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%d%n", season.name(), index,
                            bucket.mean(), bucket.peak(), bucket.visits()));
                }
            }
        }
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), NAME, ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            move(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a profile back into {@code profile}.
     *
     * @param profile an empty profile with the configured bucket
     * @return true when a profile was restored, false when there was none
     * @throws IOException if the file cannot be read
     * @throws UnusableProfileException if the file is not a profile for this bucket width; says which line and why
     */
    boolean readInto(SeasonalProfile profile) throws IOException, UnusableProfileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return false;
        }
        Map<String, Season> seasons = profile.seasons().stream()
                .collect(Collectors.toMap(Season::name, Function.identity()));
        String bucketLine = "bucket_seconds," + profile.bucket().getSeconds();
        int headerSeen = 0;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (headerSeen < 3) {
                expectHeader(line, List.of(FORMAT, bucketLine, COLUMNS).get(headerSeen), number);
                headerSeen++;
            } else {
                restore(line, number, seasons);
            }
        }
        if (headerSeen < 3) {
            throw new UnusableProfileException("it ends before its header (format, bucket_seconds, columns)");
        }
        return true;
    }

    private static void expectHeader(String line, String expected, int number) throws UnusableProfileException {
        if (!line.equals(expected)) {
            String why = expected.startsWith("bucket_seconds") && line.startsWith("bucket_seconds,")
                    ? "it was learnt with buckets of " + line.substring("bucket_seconds,".length())
                    + "s, but the setting 'bucket' is now " + expected.substring("bucket_seconds,".length()) + "s"
                    : "expected \"" + expected + "\", found \"" + line + "\"";
            throw new UnusableProfileException("line " + number + ": " + why);
        }
    }

    private static void restore(String line, int number, Map<String, Season> seasons) throws UnusableProfileException {
        String[] cells = line.split(",", -1);
        Season season = cells.length == 5 ? seasons.get(cells[0]) : null;
        if (season == null) {
            throw new UnusableProfileException("line " + number + ": expected " + COLUMNS + " with season weekly or"
                    + " daily, found \"" + line + "\"");
        }
        try {
            int index = Integer.parseInt(cells[1]);
            double mean = Double.parseDouble(cells[2]);
            double peak = Double.parseDouble(cells[3]);
            int visits = Integer.parseInt(cells[4]);
            boolean valid = index >= 0 && index < season.size() && visits > 0
                    && Double.isFinite(mean) && Double.isFinite(peak) && mean >= 0 && peak >= 0;
            if (!valid) {
                throw new UnusableProfileException("line " + number + ": bucket " + index + " is outside the "
                        + season.name() + " profile or holds a negative, infinite or unvisited load");
            }
            season.restore(new Season.LearntBucket(index, mean, peak, visits));
        } catch (NumberFormatException e) {
            throw new UnusableProfileException("line " + number + ": not a number in \"" + line + "\"");
        }
    }

    /** The state file exists but cannot be used; the message says where and why. */
    static final class UnusableProfileException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableProfileException(String message) {
            super(message);
        }
    }
}
