package io.autoscalebot.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * A semantic API version, {@code MAJOR.MINOR}. A plugin states the range of API versions it works with in its jar's
 * manifest ({@code Autoscalebot-Api-Range: [1.0,2.0)}); the engine refuses a plugin whose range excludes {@link #CURRENT}.
 *
 * <p>A minor version adds to the API without breaking plugins built against an older minor version; a major version may
 * break them.
 *
 * @param major incremented on a breaking change
 * @param minor incremented on an addition
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /**
     * The version of the API this jar defines. It is read from the jar, where the build writes the one version number
     * (the {@code autoscalebot.api.version} property), which also goes into the jar's manifest: the two cannot
     * disagree. A plugin reading it at run time gets the version of the API it runs against.
     */
    public static final ApiVersion CURRENT = read("api-version.properties");

    /**
     * Creates a version.
     *
     * @throws IllegalArgumentException if a part is negative
     */
    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version parts must be >= 0, got " + major + "." + minor);
        }
    }

    /**
     * Parses {@code MAJOR.MINOR} (or just {@code MAJOR}, read as {@code MAJOR.0}).
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static ApiVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().split("\\.", -1);
        try {
            if (parts.length == 1) {
                return new ApiVersion(Integer.parseInt(parts[0]), 0);
            }
            if (parts.length == 2) {
                return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("API version must be MAJOR.MINOR (like 1.0), got '" + text + "'");
    }

    private static ApiVersion read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ApiVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the API jar: build it with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the API jar", e);
        }
        return parse(properties.getProperty("version", "?"));
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
