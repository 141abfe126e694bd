package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding where each key of a valid TOML text is written. */
class TomlLocatorTest {

    private static final String TEXT = """
            # a comment with [brackets] and key = value
            state_dir = "x"   # trailing comment
            [groups.web]
            description = \"""
            url = "not a key" [nor.a.table]
            \"""
            hosts = [
              "a",   # comment inside an array
              "b",
            ]
            min = { "0:00" = 1, '8:00' = 3 }
            a.b . "c d" = 1
            [[groups.web.notify]]
            plugin = "console"
            [[groups.web.notify]]
            plugin = "webhook"
            [groups.web.notify.options]
            retries = 2
            ["groups"."api"]
            max = 1
            """;

    private final TomlLocator locator = TomlLocator.scan(TEXT);

    @Test
    void findsATopLevelKey() {
        assertThat(locator.locate(path("state_dir"))).isEqualTo(new TomlLocator.Position(2, 1));
    }

    @Test
    void findsATableHeaderAtItsLastKey() {
        assertThat(locator.locate(path("groups", "web"))).isEqualTo(new TomlLocator.Position(3, 9));
    }

    @Test
    void skipsMultiLineStringsThatLookLikeKeysAndTables() {
        assertThat(locator.all()).doesNotContainKeys(path("groups", "web", "url"), path("nor", "a", "table"));
        assertThat(locator.locate(path("groups", "web", "hosts"))).isEqualTo(new TomlLocator.Position(7, 1));
    }

    @Test
    void findsArrayElementsAcrossLinesAndComments() {
        assertThat(locator.locate(path("groups", "web", "hosts").index(1))).isEqualTo(new TomlLocator.Position(9, 3));
    }

    @Test
    void findsKeysInsideInlineTablesWhetherQuotedOrLiteral() {
        assertThat(locator.locate(path("groups", "web", "min", "0:00"))).isEqualTo(new TomlLocator.Position(11, 9));
        assertThat(locator.locate(path("groups", "web", "min", "8:00"))).isEqualTo(new TomlLocator.Position(11, 21));
    }

    @Test
    void findsEachPartOfADottedKey() {
        assertThat(locator.locate(path("groups", "web", "a", "b"))).isEqualTo(new TomlLocator.Position(12, 3));
        assertThat(locator.locate(path("groups", "web", "a", "b", "c d"))).isEqualTo(new TomlLocator.Position(12, 7));
    }

    @Test
    void countsTheElementsOfAnArrayOfTables() {
        assertThat(locator.locate(path("groups", "web", "notify").index(0).child("plugin")))
                .isEqualTo(new TomlLocator.Position(14, 1));
        assertThat(locator.locate(path("groups", "web", "notify").index(1).child("plugin")))
                .isEqualTo(new TomlLocator.Position(16, 1));
    }

    @Test
    void putsASubTableOfAnArrayOfTablesInItsLatestElement() {
        assertThat(locator.locate(path("groups", "web", "notify").index(1).child("options").child("retries")))
                .isEqualTo(new TomlLocator.Position(18, 1));
    }

    @Test
    void treatsAQuotedBareKeyAsTheSameKey() {
        assertThat(locator.locate(path("groups", "api", "max"))).isEqualTo(new TomlLocator.Position(20, 1));
    }

    @Test
    void fallsBackToTheNearestEnclosingTable() {
        assertThat(locator.locate(path("groups", "web", "notify").index(0).child("url")))
                .isEqualTo(new TomlLocator.Position(13, 14));
        assertThat(locator.locate(path("groups", "web", "max"))).isEqualTo(new TomlLocator.Position(3, 9));
    }

    @Test
    void fallsBackToTheStartOfTheFileForTheRoot() {
        assertThat(locator.locate(KeyPath.ROOT)).isEqualTo(new TomlLocator.Position(1, 1));
    }

    @Test
    void rendersPathsAsTheyAreWrittenInToml() {
        assertThat(path("groups", "web", "min", "8:00")).hasToString("groups.web.min.\"8:00\"");
        assertThat(path("groups", "web", "notify").index(1).child("plugin")).hasToString("groups.web.notify[1].plugin");
    }

    @Test
    void findsAKeyGivenAValueTwice() {
        TomlLocator twice = TomlLocator.scan("[g]\nmax = 3\n[h]\nmax = 1\n[g.t]\nx = 1\n[g]\n \"max\" = 4\n");

        assertThat(twice.firstDuplicate()).contains(new TomlLocator.Duplicate(path("g", "max"),
                new TomlLocator.Position(8, 2), new TomlLocator.Position(2, 1)));
        assertThat(locator.firstDuplicate()).isEmpty();
    }

    @Test
    void neverHangsOnTextThatIsNotToml() {
        TomlLocator broken = TomlLocator.scan("[unclosed\n= = =\n\"open\n{ [ ' \"\"\"");

        assertThat(broken.locate(path("unclosed"))).isEqualTo(new TomlLocator.Position(1, 2));
    }

    private static KeyPath path(String... keys) {
        KeyPath path = KeyPath.ROOT;
        for (String key : List.of(keys)) {
            path = path.child(key);
        }
        return path;
    }
}
