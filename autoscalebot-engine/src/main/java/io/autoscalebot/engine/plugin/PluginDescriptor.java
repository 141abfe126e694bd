package io.autoscalebot.engine.plugin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plugin jar's manifest says about it.
 *
 * <p>A plugin jar declares {@code Autoscalebot-Plugin-Id}, {@code Autoscalebot-Plugin-Version} and
 * {@code Autoscalebot-Api-Range}; a jar that declares some but not all, or an unknown {@code Autoscalebot-*} attribute,
 * is refused, because a typo in a descriptor must not go unnoticed. A <em>plain</em> jar, one with no
 * {@code Autoscalebot-*} attribute at all (an automatic module with {@code META-INF/services}, or a module with
 * {@code provides}), still loads: its id comes from the file name ({@code acme-gauge-0.3.jar} gives
 * {@code acme-gauge}), its version from {@code Implementation-Version}, else from the file name, else {@code ?}, and
 * its API range is {@link ApiRange#ANY}: it cannot say which API it needs, so it is tried, and is {@code BROKEN} if
 * it does not link.
 *
 * <p>The optional {@code Autoscalebot-Components} lists the ids of the components the plugin's providers offer
 * ({@code Autoscalebot-Components: redis, redis-lag}): an index, so that a command that needs some components loads
 * only the plugins offering them (see {@link PluginLoader#loadOffering}). A plugin whose providers turn out to offer
 * other ids than its index lists is refused as broken, so a stale index shows the first time the plugin loads.
 *
 * @param id the plugin id, lower-case letters, digits and dashes
 * @param version the plugin's own version, or {@code ?}
 * @param apiRange the API versions it works with
 * @param plain whether it came from a plain jar without {@code Autoscalebot-*} attributes
 * @param components the component ids its manifest lists, or {@code null} when it has no such index
 */
record PluginDescriptor(String id, String version, ApiRange apiRange, boolean plain, Set<String> components) {

    static final String ID = "Autoscalebot-Plugin-Id";
    static final String VERSION = "Autoscalebot-Plugin-Version";
    static final String API_RANGE = "Autoscalebot-Api-Range";
    static final String COMPONENTS = "Autoscalebot-Components";

    private static final String PREFIX = "autoscalebot-";
    private static final Set<String> KNOWN = Set.of(ID.toLowerCase(Locale.ROOT), VERSION.toLowerCase(Locale.ROOT),
            API_RANGE.toLowerCase(Locale.ROOT), COMPONENTS.toLowerCase(Locale.ROOT));

    /** Copies the index. */
    PluginDescriptor {
        components = components == null ? null : Set.copyOf(components);
    }

    /** A descriptor without a component index. */
    PluginDescriptor(String id, String version, ApiRange apiRange, boolean plain) {
        this(id, version, apiRange, plain, null);
    }
    private static final Pattern ID_FORM = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    // The same split the JDK uses for automatic module names: the version starts at "-<digit>".
    private static final Pattern NAME_AND_VERSION = Pattern.compile("^(.*?)-(\\d.*)$");

    /** @return whether {@code id} is a valid plugin or component id, like {@code response-time} */
    static boolean isValidId(String id) {
        return id != null && ID_FORM.matcher(id).matches();
    }

    /** @return whether the manifest has the plugin id attribute, which marks the plugin jar of a folder */
    static boolean declaresPluginId(Manifest manifest) {
        return manifest != null && manifest.getMainAttributes().getValue(ID) != null;
    }

    /**
     * Reads a descriptor.
     *
     * @param manifest the jar's manifest, or {@code null} when it has none
     * @param fileName the jar's file name, for the id of a plain jar
     * @param location the plugin as shown to the user, prefixed to every problem
     * @return the descriptor
     * @throws LoadProblem when an attribute is missing, unknown or malformed
     */
    static PluginDescriptor read(Manifest manifest, String fileName, String location) throws LoadProblem {
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        Set<String> ours = new TreeSet<>();
        for (Object key : main.keySet()) {
            String name = key.toString();
            if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                ours.add(name);
            }
        }
        if (ours.isEmpty()) {
            return plain(main, fileName);
        }
        for (String name : ours) {
            if (!KNOWN.contains(name.toLowerCase(Locale.ROOT))) {
                throw LoadProblem.broken(location + ": unknown manifest attribute " + name
                        + "; the plugin attributes are " + ID + ", " + VERSION + ", " + API_RANGE + " and (optional) "
                        + COMPONENTS + " (check the spelling)");
            }
        }
        String id = required(main, ID, "acme-queue", location);
        if (!isValidId(id)) {
            throw LoadProblem.broken(location + ": " + ID + " '" + id
                    + "' must be lower-case letters, digits and dashes, like response-time; fix the manifest");
        }
        String version = required(main, VERSION, "1.0.0", location);
        String rangeText = required(main, API_RANGE, "[1.0,2.0)", location);
        ApiRange range;
        try {
            range = ApiRange.parse(rangeText);
        } catch (IllegalArgumentException e) {
            throw LoadProblem.broken(location + ": " + API_RANGE + " '" + rangeText + "' is not a range: "
                    + e.getMessage());
        }
        return new PluginDescriptor(id, version, range, false, components(main.getValue(COMPONENTS), location));
    }

    /** @return the ids of {@code Autoscalebot-Components}, separated by commas and/or spaces; null when absent */
    private static Set<String> components(String value, String location) throws LoadProblem {
        if (value == null) {
            return null;
        }
        Set<String> ids = new TreeSet<>();
        for (String id : Arrays.stream(value.split("[,\\s]+")).filter(part -> !part.isEmpty()).toList()) {
            if (!isValidId(id)) {
                throw LoadProblem.broken(location + ": " + COMPONENTS + " lists '" + id + "', which is not a component "
                        + "id (lower-case letters, digits and dashes); fix the manifest, or remove the attribute");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw LoadProblem.broken(location + ": " + COMPONENTS + " is empty; list the ids of the plugin's "
                    + "components, like \"" + COMPONENTS + ": acme-queue\", or remove the attribute");
        }
        return ids;
    }

    /**
     * @param fileName a jar or folder name
     * @return the id a plugin gets from its file name when its manifest cannot tell
     */
    static String idFromFileName(String fileName) {
        String id = nameWithoutVersion(fileName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^[-0-9]+|-+$", "");
        return id.isEmpty() ? "unnamed" : id;
    }

    private static PluginDescriptor plain(Attributes main, String fileName) {
        String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        if (version == null) {
            Matcher matcher = NAME_AND_VERSION.matcher(stripJar(fileName));
            version = matcher.matches() ? matcher.group(2) : "?";
        }
        return new PluginDescriptor(idFromFileName(fileName), version, ApiRange.ANY, true);
    }

    private static String required(Attributes main, String name, String example, String location) throws LoadProblem {
        String value = main.getValue(name);
        if (value == null || value.isBlank()) {
            throw LoadProblem.broken(location + ": the manifest has no " + name + "; add \"" + name + ": " + example
                    + "\" to the plugin jar's manifest");
        }
        return value.trim();
    }

    private static String nameWithoutVersion(String fileName) {
        Matcher matcher = NAME_AND_VERSION.matcher(stripJar(fileName));
        return matcher.matches() ? matcher.group(1) : stripJar(fileName);
    }

    private static String stripJar(String fileName) {
        return fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
}
