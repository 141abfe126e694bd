package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last listing of a set of plugin folders is kept between runs ({@link ListingCache}) and used only while nothing
 * under them changed; one with a plugin that did not load is never kept; a corrupt or unwritable cache changes nothing
 * but speed. A counting loader shows whether a listing was made or read.
 */
class ListingCacheTest {

    @TempDir
    Path plugins;
    @TempDir
    Path cache;

    private final AtomicInteger loads = new AtomicInteger();

    /** A catalog of one plugin, loaded, or with STATUS, made by a loader that counts its calls. */
    private Supplier<PluginCatalog> loader(PluginInfo.Status status) {
        return () -> {
            loads.incrementAndGet();
            return new PluginCatalog(List.of(new PluginInfo("demo", "1.0.0", "[1.0,2.0)", plugins.resolve("demo"),
                    status, status == PluginInfo.Status.LOADED ? "" : "demo is broken: fix it", List.of())));
        };
    }

    private ListingCache.Listing list(ListingCache listings) {
        return listings.listing(List.of(plugins), loader(PluginInfo.Status.LOADED));
    }

    @Test
    void aListingIsReadFromTheCacheUntilAnythingUnderThePluginFoldersChanges() throws IOException {
        Path jar = Files.write(Files.createDirectories(plugins.resolve("demo")).resolve("demo.jar"), new byte[] {1});
        ListingCache listings = new ListingCache(cache, ApiVersion.CURRENT);

        ListingCache.Listing made = list(listings);
        ListingCache.Listing read = list(listings);

        assertThat(loads).hasValue(1);
        assertThat(read).isEqualTo(made);
        assertThat(made.table()).contains("demo", "1.0.0");
        assertThat(made.json()).contains("\"demo\"");

        // Each change lists by loading again, once; then the new listing is read.
        Files.write(jar, new byte[] {1, 2});
        list(listings);
        list(listings);
        assertThat(loads).as("the jar rewritten").hasValue(2);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        list(listings);
        assertThat(loads).as("the jar touched").hasValue(3);
        Files.write(plugins.resolve("demo").resolve("library.jar"), new byte[] {3});
        list(listings);
        assertThat(loads).as("a library added to the plugin's folder").hasValue(4);
        Files.write(plugins.resolve("other.jar"), new byte[] {4});
        list(listings);
        assertThat(loads).as("a plugin added").hasValue(5);
        Files.delete(plugins.resolve("other.jar"));
        list(listings);
        assertThat(loads).as("a plugin removed").hasValue(6);
        list(listings);
        assertThat(loads).as("nothing changed since").hasValue(6);
    }

    @Test
    void anotherApiOrListOfFoldersHasAListingOfItsOwnBesideTheOthers() throws IOException {
        ListingCache current = new ListingCache(cache, ApiVersion.CURRENT);
        ListingCache other = new ListingCache(cache, ApiVersion.parse("1.99"));
        list(current);
        list(current);
        assertThat(loads).hasValue(1);
        list(other);
        assertThat(loads).as("not the listing made for API " + ApiVersion.CURRENT).hasValue(2);
        list(current);
        list(other);
        assertThat(loads).as("each kept beside the other, as two JDKs used in turn keep theirs").hasValue(2);

        current.listing(List.of(plugins, cache.resolve("absent")), loader(PluginInfo.Status.LOADED));
        list(current);
        assertThat(loads).as("one more folder searched: a listing of its own, beside the other").hasValue(3);
        assertThat(entries()).hasSize(3);
    }

    @Test
    void aListingWithAPluginThatDidNotLoadIsNeverKept() throws IOException {
        ListingCache listings = new ListingCache(cache, ApiVersion.CURRENT);
        for (int run = 0; run < 2; run++) {
            ListingCache.Listing listing = listings.listing(List.of(plugins), loader(PluginInfo.Status.BROKEN));
            assertThat(listing.table()).contains("demo is broken: fix it");
        }
        assertThat(loads).hasValue(2);
        assertThat(entries()).isEmpty();
    }

    @Test
    void aCorruptEntryCountsAsNoneAndIsReplaced() throws IOException {
        ListingCache listings = new ListingCache(cache, ApiVersion.CURRENT);
        ListingCache.Listing made = list(listings);
        Path entry = entries().get(0);
        String whole = Files.readString(entry);
        for (String corrupt : List.of(whole.substring(0, whole.length() - 3), whole + "more",
                whole.replace("table=", "table=9"), "", whole.replace("json=", "yaml="))) {
            Files.writeString(entry, corrupt);
            assertThat(list(listings)).isEqualTo(made);
        }
        assertThat(loads).hasValue(6);
        assertThat(Files.readString(entry)).isEqualTo(whole);
    }

    @Test
    void withoutAWritableCacheEveryListingIsMadeByLoading() throws IOException {
        Path notAFolder = Files.writeString(cache.resolve("file"), "not a folder");
        for (ListingCache listings : List.of(new ListingCache(null, ApiVersion.CURRENT),
                new ListingCache(notAFolder, ApiVersion.CURRENT))) {
            assertThat(list(listings).table()).contains("demo");
            assertThat(list(listings).table()).contains("demo");
        }
        assertThat(loads).hasValue(4);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".txt")).toList();
        }
    }
}
