package io.autoscalebot.plugin.kubernetes.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One or more kubeconfig files, merged as kubectl merges the files of {@code KUBECONFIG}: the first file to name a
 * cluster, user or context wins, and the first {@code current-context} is the current one. Paths in a file are
 * relative to that file's folder.
 *
 * <p>Understood: a cluster's {@code server}, {@code certificate-authority(-data)}, {@code insecure-skip-tls-verify};
 * a user's {@code token}, {@code tokenFile}, {@code client-certificate(-data)}, {@code client-key(-data)} and {@code
 * exec}. What kubectl no longer supports (auth providers, basic auth) or autoscalebot does not (impersonation, proxies,
 * {@code tls-server-name}) is refused with a message rather than ignored, since ignoring it would connect differently
 * from kubectl.
 */
public final class KubeConfig {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A named entry and the file it came from. */
    private record Entry(JsonNode body, Path file) {
    }

    private final List<Path> files;
    private final Map<String, Entry> clusters = new LinkedHashMap<>();
    private final Map<String, Entry> users = new LinkedHashMap<>();
    private final Map<String, Entry> contexts = new LinkedHashMap<>();
    private String currentContext;

    private KubeConfig(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /**
     * Reads and merges kubeconfig files.
     *
     * @param files the files, in order of precedence
     * @return the merged configuration
     * @throws KubeConfigException if a file cannot be read or is not a kubeconfig
     */
    public static KubeConfig read(List<Path> files) throws KubeConfigException {
        KubeConfig config = new KubeConfig(files);
        for (Path file : files) {
            config.merge(file, parse(file));
        }
        return config;
    }

    /** @return the files read, for messages */
    public String describeFiles() {
        return files.size() == 1 ? files.get(0).toString() : files.toString();
    }

    /** @return the contexts defined, in file order */
    public List<String> contextNames() {
        return List.copyOf(contexts.keySet());
    }

    /**
     * Builds the access one context describes, reading every file it names; runs nothing and connects nowhere.
     *
     * @param context the context to use, or empty for {@code current-context}
     * @param clock the engine's clock, for the expiry of exec credentials
     * @return the access
     * @throws KubeConfigException if the context is missing or incomplete, or a file it names is unusable
     */
    public ClusterAccess access(Optional<String> context, Clock clock) throws KubeConfigException {
        String name = context.orElse(currentContext);
        if (name == null || name.isEmpty()) {
            throw new KubeConfigException("context", describeFiles() + " has no current-context; set the plugin's"
                    + " context setting to one of " + listed(contexts.keySet()) + " (or run `kubectl config"
                    + " use-context NAME`)");
        }
        Entry entry = contexts.get(name);
        if (entry == null) {
            String hint = DidYouMean.closest(name, contexts.keySet()).map(best -> " (did you mean '" + best + "'?)")
                    .orElse("; contexts there: " + listed(contexts.keySet()));
            throw new KubeConfigException("context", "no context '" + name + "' in " + describeFiles() + hint);
        }
        String where = "context '" + name + "' of " + entry.file();
        JsonNode body = entry.body().path("context");
        String clusterName = text(body, "cluster");
        String userName = text(body, "user");
        if (clusterName == null) {
            throw problem(where + " names no cluster");
        }
        Entry cluster = clusters.get(clusterName);
        if (cluster == null) {
            throw problem(where + " names cluster '" + clusterName + "', which is not defined (clusters: "
                    + listed(clusters.keySet()) + ")");
        }
        Entry user = userName == null ? null : users.get(userName);
        if (userName != null && user == null) {
            throw problem(where + " names user '" + userName + "', which is not defined (users: "
                    + listed(users.keySet()) + ")");
        }
        Optional<String> namespace = Optional.ofNullable(text(body, "namespace")).filter(ns -> !ns.isEmpty());
        ClusterPart server = cluster(clusterName, cluster);
        Credentials credentials = user == null
                ? Credentials.fixed(Auth.NONE, "no credentials (" + where + " names no user)")
                : credentials(userName, user, server, clock);
        return new ClusterAccess(server.server(), server.trust(), credentials, namespace, where);
    }

    /** What a cluster entry says. */
    private record ClusterPart(URI server, Trust trust, String caData, boolean insecure) {
    }

    private ClusterPart cluster(String name, Entry entry) throws KubeConfigException {
        String where = "cluster '" + name + "' in " + entry.file();
        JsonNode cluster = entry.body().path("cluster");
        String server = text(cluster, "server");
        if (server == null || server.isEmpty()) {
            throw problem(where + " has no server URL");
        }
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw problem(where + ": server '" + server + "' is not a URL (" + e.getReason() + ")");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw problem(where + ": server '" + server + "' must be an https:// URL with a host");
        }
        for (String unsupported : List.of("proxy-url", "tls-server-name")) {
            if (cluster.hasNonNull(unsupported)) {
                throw problem(where + " sets " + unsupported + ", which autoscalebot does not support; give it a"
                        + " kubeconfig whose cluster is reached directly, under the name in its certificate");
            }
        }
        boolean insecure = cluster.path("insecure-skip-tls-verify").asBoolean(false);
        Optional<byte[]> authority = bytes(cluster, "certificate-authority", entry.file(), where);
        if (insecure && authority.isPresent()) {
            throw problem(where + " sets both insecure-skip-tls-verify and a certificate-authority; keep one"
                    + " (kubectl refuses this too)");
        }
        if (insecure) {
            return new ClusterPart(uri, Trust.skipVerification(), null, true);
        }
        if (authority.isEmpty()) {
            return new ClusterPart(uri, Trust.system(), null, false);
        }
        List<X509Certificate> authorities = certificates(authority.get(), "the certificate-authority of " + where);
        return new ClusterPart(uri, new Trust(authorities, false),
                Base64.getEncoder().encodeToString(authority.get()), false);
    }

    private Credentials credentials(String name, Entry entry, ClusterPart cluster, Clock clock)
            throws KubeConfigException {
        String where = "user '" + name + "' in " + entry.file();
        JsonNode user = entry.body().path("user");
        if (user.hasNonNull("auth-provider")) {
            throw problem(where + " uses auth-provider '" + user.path("auth-provider").path("name").asText("?")
                    + "', which kubectl removed in 1.26; switch to its exec plugin (for GKE:"
                    + " gke-gcloud-auth-plugin, for Azure: kubelogin)");
        }
        if (user.hasNonNull("username") || user.hasNonNull("password")) {
            throw problem(where + " uses a username and password (basic auth), which Kubernetes removed in 1.19;"
                    + " use a token or a client certificate");
        }
        for (String unsupported : List.of("as", "as-groups", "as-uid", "as-user-extra")) {
            if (user.hasNonNull(unsupported)) {
                throw problem(where + " sets " + unsupported + " (impersonation), which autoscalebot does not"
                        + " support; give it the credentials of the identity that should scale");
            }
        }
        KeyMaterial certificate = clientCertificate(user, entry.file(), where);
        if (user.hasNonNull("exec")) {
            return new ExecCredentials(exec(user.path("exec"), entry.file(), where, cluster), certificate, clock);
        }
        String token = text(user, "token");
        if (token != null && !token.isEmpty()) {
            return Credentials.fixed(new Auth(token, certificate), "the token of " + where);
        }
        String tokenFile = text(user, "tokenFile");
        if (tokenFile != null && !tokenFile.isEmpty()) {
            Path file = resolve(entry.file(), tokenFile);
            if (!Files.isReadable(file)) {
                throw problem(where + ": tokenFile " + file + " cannot be read");
            }
            return new TokenFileCredentials(file, certificate, where);
        }
        if (certificate != null) {
            return Credentials.fixed(new Auth(null, certificate), "the client certificate of " + where + " ("
                    + certificate.subject() + ")");
        }
        return Credentials.fixed(Auth.NONE, "no credentials (" + where + " has none)");
    }

    private KeyMaterial clientCertificate(JsonNode user, Path file, String where) throws KubeConfigException {
        Optional<byte[]> certificate = bytes(user, "client-certificate", file, where);
        Optional<byte[]> key = bytes(user, "client-key", file, where);
        if (certificate.isEmpty() && key.isEmpty()) {
            return null;
        }
        if (certificate.isEmpty() || key.isEmpty()) {
            throw problem(where + " has a client-" + (certificate.isEmpty() ? "key" : "certificate")
                    + " without its client-" + (certificate.isEmpty() ? "certificate" : "key") + "; give both");
        }
        try {
            return new KeyMaterial(Pem.certificates(certificate.get(), "the client-certificate of " + where),
                    Pem.privateKey(key.get(), "the client-key of " + where));
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private ExecConfig exec(JsonNode exec, Path file, String where, ClusterPart cluster) throws KubeConfigException {
        String apiVersion = text(exec, "apiVersion");
        if (apiVersion == null || !ExecConfig.VERSIONS.contains(apiVersion)) {
            throw problem(where + ": exec apiVersion must be one of " + String.join(", ", ExecConfig.VERSIONS)
                    + ", got " + (apiVersion == null ? "none" : "'" + apiVersion + "'")
                    + " (v1alpha1 was removed in Kubernetes 1.24)");
        }
        String command = text(exec, "command");
        if (command == null || command.isBlank()) {
            throw problem(where + ": exec has no command");
        }
        if ("Always".equals(text(exec, "interactiveMode"))) {
            throw problem(where + ": exec has interactiveMode Always, but autoscalebot runs it without a terminal;"
                    + " use a command that logs in without asking (a service account, a stored refresh token)");
        }
        List<String> args = new ArrayList<>();
        for (JsonNode arg : exec.path("args")) {
            args.add(arg.asText());
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : exec.path("env")) {
            String name = text(variable, "name");
            if (name == null || name.isEmpty()) {
                throw problem(where + ": an exec env entry has no name");
            }
            env.put(name, variable.path("value").asText(""));
        }
        Map<String, Object> clusterInfo = null;
        if (exec.path("provideClusterInfo").asBoolean(false)) {
            clusterInfo = new LinkedHashMap<>();
            clusterInfo.put("server", cluster.server().toString());
            if (cluster.caData() != null) {
                clusterInfo.put("certificate-authority-data", cluster.caData());
            }
            clusterInfo.put("insecure-skip-tls-verify", cluster.insecure());
        }
        return new ExecConfig(apiVersion, command, args, env, text(exec, "installHint"), clusterInfo,
                file.toAbsolutePath().getParent());
    }

    /** The bytes of {@code NAME-data} (base64, which wins, as in kubectl) or of the file {@code NAME} names. */
    private Optional<byte[]> bytes(JsonNode node, String name, Path file, String where) throws KubeConfigException {
        String data = text(node, name + "-data");
        if (data != null && !data.isEmpty()) {
            try {
                return Optional.of(Base64.getMimeDecoder().decode(data));
            } catch (IllegalArgumentException e) {
                throw problem(where + ": " + name + "-data is not valid base64");
            }
        }
        String path = text(node, name);
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        Path resolved = resolve(file, path);
        try {
            return Optional.of(Files.readAllBytes(resolved));
        } catch (IOException e) {
            throw problem(where + ": " + name + " " + resolved + " cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static List<X509Certificate> certificates(byte[] pem, String what) throws KubeConfigException {
        try {
            return Pem.certificates(pem, what);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private void merge(Path file, JsonNode root) throws KubeConfigException {
        for (var section : List.of(Map.entry("clusters", clusters), Map.entry("users", users),
                Map.entry("contexts", contexts))) {
            JsonNode list = root.path(section.getKey());
            if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
                throw new KubeConfigException("kubeconfig", file + ": " + section.getKey() + " must be a list");
            }
            for (JsonNode item : list) {
                String name = text(item, "name");
                if (name == null || name.isEmpty()) {
                    throw new KubeConfigException("kubeconfig", file + ": an entry of " + section.getKey()
                            + " has no name");
                }
                section.getValue().putIfAbsent(name, new Entry(item, file));
            }
        }
        String current = text(root, "current-context");
        if ((currentContext == null || currentContext.isEmpty()) && current != null) {
            currentContext = current;
        }
    }

    private static JsonNode parse(Path file) throws KubeConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KubeConfigException("kubeconfig", "kubeconfig " + file + " does not exist");
        } catch (IOException e) {
            throw new KubeConfigException("kubeconfig", "kubeconfig " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new KubeConfigException("kubeconfig", file + position(e) + ": not valid YAML (" + problem(e)
                    + ")");
        }
        if (root == null || !root.isObject()) {
            throw new KubeConfigException("kubeconfig", file + " is not a kubeconfig: it holds no YAML mapping");
        }
        String kind = text(root, "kind");
        if (kind != null && !"Config".equals(kind)) {
            throw new KubeConfigException("kubeconfig", file + " is not a kubeconfig: its kind is '" + kind
                    + "', not 'Config'");
        }
        return root;
    }

    /** {@code :LINE:COL} of a parse error, or nothing when unknown. */
    private static String position(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + Math.max(1, location.getColumnNr());
    }

    /**
     * What is wrong, without the excerpt of the file that SnakeYAML and Jackson put in their messages: a kubeconfig holds
     * tokens and keys.
     */
    private static String problem(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException && ((MarkedYAMLException) cause).getProblem() != null) {
                return ((MarkedYAMLException) cause).getProblem();
            }
        }
        return "check its indentation and quoting";
    }

    private static Path resolve(Path file, String path) {
        Path given = Path.of(path);
        return given.isAbsolute() ? given : file.toAbsolutePath().getParent().resolve(given).normalize();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static KubeConfigException problem(String message) {
        return new KubeConfigException("kubeconfig", message);
    }

    private static String listed(java.util.Collection<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
