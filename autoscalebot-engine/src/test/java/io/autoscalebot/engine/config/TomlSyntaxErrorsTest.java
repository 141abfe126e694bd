package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Files the TOML parser refuses or misreads, as people write them by accident: each error says what is wrong in plain
 * words, at the line and column where the mistake is (not where the parser gave up).
 */
class TomlSyntaxErrorsTest extends ConfigFileTest {

    @Test
    void acceptsAUtf8ByteOrderMark() throws ConfigException {
        EngineConfig config = files.load("\uFEFF" + VALID_GROUP);

        assertThat(config.groups()).extracting(GroupConfig::name).containsExactly("web");
    }

    @Test
    void countsColumnsOfTheFirstLineAfterAByteOrderMarkAsAnEditorShowsThem() {
        String error = files.onlyError("\uFEFFstate_dirr = \"x\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(1, 1)).contains("unknown setting 'state_dirr'");
    }

    @Test
    void reportsTheFirstByteThatIsNotUtf8AtItsLineAndColumn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("[groups.web]\n# café\nmax = ".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.write("3\n".getBytes(StandardCharsets.UTF_8));
        Files.write(files.file(), bytes.toByteArray());

        ConfigException thrown = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(files.file(), TestProviders.catalog(), Map.of()));

        assertThat(thrown.errors()).singleElement().asString().isEqualTo(files.at(3, 7)
                + "the file is not UTF-8: byte 0xFF at line 3, column 7; save it as UTF-8");
    }

    @Test
    void reportsAnArrayNestedTooDeepWhereItStartsInPlainWords() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);

        String error = files.onlyError(VALID_GROUP.replace("url = ", "deep = " + deep + "\nurl = "));

        assertThat(error).startsWith(files.at(5, 8))
                .contains("invalid TOML: this value nests arrays or inline tables more than 1000 levels deep")
                .doesNotContain("StreamReadConstraints", "getMaxNestingDepth");
    }

    @Test
    void locatingKeysInAnyTextNeverOverflowsTheStack() {
        // Positions are also read from texts the parser refused, which may nest far deeper than it accepts.
        String text = "[a]\nx = " + "[{y = ".repeat(50_000) + "1" + "}]".repeat(50_000) + "\n[a]\nz = 1\n";

        assertThat(TomlLocator.scan(text).firstRedefinedTable()).get()
                .extracting(TomlLocator.Duplicate::path).asString().isEqualTo("a");
    }

    @Test
    void reportsAnUnclosedMultiLineStringWhereItOpens() {
        String error = files.onlyError(VALID_GROUP.replace("url = \"http://localhost:8080/health\"",
                "url = \"\"\"http://localhost:8080/health") + "\n[[groups.web.notify]]\nplugin = \"console\"\n");

        assertThat(error).startsWith(files.at(5, 7))
                .contains("invalid TOML: multi-line string opened at 5:7 is not closed before the end of the file:"
                        + " end it with \"\"\"");
    }

    @Test
    void reportsAStringNotClosedOnItsLineAsSuch() {
        String error = files.onlyError(VALID_GROUP.replace("url = \"http://localhost:8080/health\"",
                "url = \"http://localhost:8080/health"));

        assertThat(error).startsWith(files.at(5, 7))
                .contains("invalid TOML: string opened at 5:7 is not closed before the end of the line")
                .doesNotContain("Newline not permitted");
    }

    @Test
    void reportsALiteralStringNotClosedOnItsLineAsSuch() {
        String error = files.onlyError(VALID_GROUP.replace("plugin = \"local\"", "plugin = 'local"));

        assertThat(error).startsWith(files.at(9, 10)).contains("string opened at 9:10 is not closed before the end"
                + " of the line: end it with ' on that line");
    }

    @Test
    void namesATableDefinedTwiceAndWhereItWasFirstDefined() {
        String error = files.onlyError(VALID_GROUP + "[groups.web]\ninterval = \"5s\"\n");

        assertThat(error).startsWith(files.at(10, 2))
                .contains("invalid TOML: table [groups.web] is already defined at line 1: put all its keys under"
                        + " one [groups.web] header");
    }

    @Test
    void namesATableDefinedByDottedKeysAndThenByAHeader() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\nmeasure.plugin = \"response-time\"")
                .replace("[groups.web.measure]\nplugin = \"response-time\"\n", "[groups.web.measure]\n"));

        assertThat(error).startsWith(files.at(4, 2))
                .contains("table [groups.web.measure] is already defined at line 3");
    }

    @Test
    void quotesTheLargestLongAsWritten() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 9223372036854775807"));

        assertThat(error).startsWith(files.at(2, 1)).contains("got 9223372036854775807");
    }

    @Test
    void quotesANumberBelowTheSmallestLongWithItsSign() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = -9223372036854775809"));

        assertThat(error).startsWith(files.at(2, 1)).contains("got -9223372036854775809");
    }

    @Test
    void neverReadsANineteenDigitNumberAsADifferentSmallerOne() {
        // The parser alone reads 1234567890123456789 as 123456789, which fits and would be accepted.
        List<String> errors = files.errors(VALID_GROUP.replace("max = 3", "max = 1_234_567_890_123_456_789")
                .replace("url = ", "samples = 1234567890123456789\nurl = "));

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(files.at(2, 1)).contains("got 1234567890123456789");
        assertThat(errors.get(1)).contains("setting 'samples' expected an integer that fits 32 bits, got"
                + " 1234567890123456789");
    }

    @Test
    void neverReadsANumberBeyondSixtyFourBitsAsItsLowBits() {
        // 2^64 + 5: a BigInteger's longValue() is 5.
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 18446744073709551621"));

        assertThat(error).startsWith(files.at(2, 1)).contains("got 18446744073709551621");
    }

    @Test
    void shortensAParserMessageQuotingAHugeValue() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = " + "9".repeat(5_000) + "x"));

        assertThat(error.length()).isLessThan(400);
    }
}
