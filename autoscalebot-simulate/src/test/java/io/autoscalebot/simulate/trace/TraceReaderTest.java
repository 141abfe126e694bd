package io.autoscalebot.simulate.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    private static final String WITH_GAP = String.join("\n",
            "time,number_of_requests",
            "1995-07-01 00:00:00,42",
            "1995-07-01 00:01:00,61",
            "1995-07-01 00:02:00,0",
            "1995-07-01 00:05:00,7",   // 00:03 and 00:04 have no row
            "1995-07-01 00:06:00,9");

    private static Trace read(MissingSteps missing, String csv) throws Exception {
        return new TraceReader(missing, ZoneId.of("UTC")).read("test.csv", new StringReader(csv));
    }

    @Test
    void treatsMissingStepsAsZeroLoadByDefault() throws Exception {
        Trace trace = new TraceReader().read("test.csv", new StringReader(WITH_GAP));

        assertThat(trace.missing()).isEqualTo(MissingSteps.ZERO);
        assertThat(trace.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(trace.counts()).containsExactly(42, 61, 0, 0, 0, 7, 9);
        assertThat(trace.time(3)).isEqualTo(Instant.parse("1995-07-01T00:03:00Z"));
        assertThat(trace.missingSteps()).isEqualTo(2);
        assertThat(trace.gaps()).containsExactly(new TraceGap(Instant.parse("1995-07-01T00:02:00Z"),
                Instant.parse("1995-07-01T00:05:00Z"), 2));
        assertThat(trace.ratePerSecond(1)).isEqualTo(61 / 60.0);
    }

    @Test
    void readsIso8601TimestampsWithAndWithoutAnOffset() throws Exception {
        // given: the reader's zone is Vancouver, so only timestamps without an offset are read in it
        TraceReader vancouver = new TraceReader(MissingSteps.ZERO, ZoneId.of("America/Vancouver"));

        // when
        Trace utc = vancouver.read("utc.csv", new StringReader("time,count\n2024-01-01T00:00:00Z,1\n"
                + "2024-01-01T00:01:00.000Z,2\n2024-01-01T00:02Z,3\n"));
        Trace offset = vancouver.read("offset.csv", new StringReader("2024-01-01T02:00:00+02:00,1\n"
                + "2024-01-01T02:01:00+0200,2\n2024-01-01T02:02:00+02,3\n"));
        Trace local = vancouver.read("local.csv", new StringReader("2024-01-01T00:00:00,1\n2024-01-01T00:01:00,2\n"));

        // then
        assertThat(utc.time(0)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(utc.counts()).containsExactly(1, 2, 3);
        assertThat(utc.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(offset.time(0)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(offset.counts()).containsExactly(1, 2, 3);
        assertThat(local.time(0)).isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
    }

    @Test
    void rejectsAnOffsetItCannotRead() {
        assertThatThrownBy(() -> read(MissingSteps.ZERO, "2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00+2,2\n"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:2: cannot read the timestamp '2024-01-01T00:01:00+2'")
                .hasMessageContaining("ISO-8601 like 2024-01-01T00:00:00Z");
    }

    @Test
    void skipsMissingStepsWhenAskedToTreatThemAsAGap() throws Exception {
        Trace trace = read(MissingSteps.GAP, WITH_GAP);

        assertThat(trace.counts()).containsExactly(42, 61, 0, 7, 9);
        assertThat(trace.time(3)).isEqualTo(Instant.parse("1995-07-01T00:05:00Z"));
        assertThat(trace.missingSteps()).isEqualTo(2);
    }

    @Test
    void readsHourlyRowsUnderAnotherHeaderAndWithoutOne() throws Exception {
        Trace withHeader = read(MissingSteps.ZERO,
                "Time,Projectviews\n2020-01-01 00:00:00,18780795\r\n2020-01-01 01:00:00,19387244\n");
        Trace bare = read(MissingSteps.ZERO, "2020-01-01T00:00,1\n2020-01-01T01:00,2.5\n\n");

        assertThat(withHeader.step()).isEqualTo(Duration.ofHours(1));
        assertThat(withHeader.counts()).containsExactly(18780795, 19387244);
        assertThat(bare.counts()).containsExactly(1, 2.5);
    }

    @Test
    void readsTimestampsInTheChosenZone() throws Exception {
        Trace trace = new TraceReader(MissingSteps.ZERO, ZoneId.of("America/New_York"))
                .read("ny.csv", new StringReader("1995-07-01 00:00:00,1\n1995-07-01 00:01:00,2\n"));

        assertThat(trace.time(0)).isEqualTo(Instant.parse("1995-07-01T04:00:00Z"));
    }

    @Test
    void readsARegionOfFixedOffsetAsThatOffset() throws Exception {
        String csv = "1995-07-01 00:00:00,1\n1995-07-01 00:01:00,2\n";

        // Regions whose rules never change, read without their rules (and two with an offset that wins over them).
        Trace utc = new TraceReader(MissingSteps.ZERO, ZoneId.of("UTC")).read("utc.csv", new StringReader(csv));
        Trace gmtMinus2 = new TraceReader(MissingSteps.ZERO, ZoneId.of("Etc/GMT-2")).read("gmt.csv",
                new StringReader(csv + "1995-07-01T00:02:00+02:00,3\n1995-06-30T22:05:00Z,4\n"));

        assertThat(utc.time(0)).isEqualTo(Instant.parse("1995-07-01T00:00:00Z"));
        assertThat(gmtMinus2.time(0)).isEqualTo(Instant.parse("1995-06-30T22:00:00Z"));
        assertThat(gmtMinus2.counts()).containsExactly(1, 2, 3, 0, 0, 4);
    }

    @Test
    void namesTheLineOfAnUnreadableTimestamp() {
        assertThatThrownBy(() -> read(MissingSteps.ZERO, "time,count\n1995-07-01 00:00:00,1\n1995-07-01 25:00:00,2"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:3: cannot read the timestamp '1995-07-01 25:00:00'")
                .hasMessageContaining("yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void refusesADateThatDoesNotExist() {
        assertThatThrownBy(() -> read(MissingSteps.ZERO, "time,count\n1995-02-28 00:00:00,1\n1995-02-30 00:00:00,2"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:3: cannot read the timestamp '1995-02-30 00:00:00'");
    }

    @Test
    void refusesRowsOutOfOrder() {
        assertThatThrownBy(() -> read(MissingSteps.ZERO,
                "1995-07-01 00:01:00,1\n1995-07-01 00:00:00,2\n"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:2: timestamp 1995-07-01T00:00:00Z is not after the previous row's");
    }

    @Test
    void refusesARowOffTheStepGrid() {
        assertThatThrownBy(() -> read(MissingSteps.ZERO, String.join("\n", "1995-07-01 00:00:00,1",
                "1995-07-01 00:01:00,1", "1995-07-01 00:02:00,1", "1995-07-01 00:03:30,1")))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:4: this row is 90s after the previous one")
                .hasMessageContaining("60s step");
    }

    @Test
    void refusesANegativeOrMissingCount() {
        assertThatThrownBy(() -> read(MissingSteps.ZERO, "1995-07-01 00:00:00,1\n1995-07-01 00:01:00,-3\n"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:2: cannot use the count '-3'");
        assertThatThrownBy(() -> read(MissingSteps.ZERO, "1995-07-01 00:00:00,1\n1995-07-01 00:01:00\n"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:2: expected two columns 'timestamp,count'");
        assertThatThrownBy(() -> read(MissingSteps.ZERO, "1995-07-01 00:00:00,1,extra\n"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("test.csv:1: expected two columns 'timestamp,count'");
    }

    @Test
    void refusesATraceTooShortToTellItsStep() {
        assertThatThrownBy(() -> read(MissingSteps.ZERO, "time,count\n1995-07-01 00:00:00,1\n"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("found 1 data rows; a trace needs at least two");
    }

    @Test
    void saysWhichFileDoesNotExist(@TempDir Path folder) {
        Path missing = folder.resolve("nope.csv");

        assertThatThrownBy(() -> new TraceReader().read(missing))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("trace file " + missing + " does not exist");
    }

    @Test
    void readsTheNasaTraceAndCountsItsOutage() throws Exception {
        Path nasa = SharedTraces.sharedTrace("nasa-1995-per-minute.csv");

        Trace zeroFilled = new TraceReader().read(nasa);
        Trace gapped = new TraceReader(MissingSteps.GAP, ZoneId.of("UTC")).read(nasa);

        // README: 87,015 rows from 1995-07-01 00:00 to 08-31 23:59 (89,280 minutes), one outage with no rows from
        // after 1995-08-01 14:51 until 08-03 04:37: 2,265 missing minutes.
        assertThat(gapped.size()).isEqualTo(87_015);
        assertThat(zeroFilled.size()).isEqualTo(89_280);
        assertThat(zeroFilled.gaps()).containsExactly(new TraceGap(Instant.parse("1995-08-01T14:51:00Z"),
                Instant.parse("1995-08-03T04:37:00Z"), 2_265));
    }

    @Test
    void readsTheWikipediaTraceAsHourlySteps() throws Exception {
        Trace wikipedia = new TraceReader().read(SharedTraces.sharedTrace("wikipedia-2020-hourly.csv"));

        assertThat(wikipedia.step()).isEqualTo(Duration.ofHours(1));
        assertThat(wikipedia.size()).isEqualTo(8_784);
        assertThat(wikipedia.missingSteps()).isZero();
    }
}
