package io.autoscalebot.plugin.kubernetes.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Kubernetes API server with etcd on loopback, started by the {@code start.sh} of
 * {@code ../shared/tools/kube-apiserver} (Kubernetes v1.20.2 built from Debian's source), and the few administrator
 * calls tests make to set the scene: namespaces, Deployments, Roles, service account tokens.
 *
 * <p>Where it comes from can be changed: {@code AUTOSCALEBOT_KUBE_APISERVER_DIR} (or {@code -Dkube-apiserver.dir=} on
 * the Maven command line) names another folder with a {@code start.sh DIR PORT}; {@code AUTOSCALEBOT_KUBE_APISERVER}
 * names a {@code kube-apiserver} binary of one's own, which that script then runs instead of unpacking its own.
 */
public final class KubeApiServer {

    /** The token of {@code admin}, in {@code system:masters}. */
    public static final String ADMIN_TOKEN = "admintoken";

    /** The token of user {@code scaler}, who may do nothing until a Role allows it. */
    public static final String SCALER_TOKEN = "scalertoken";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOOLS = List.of("etcd", "openssl", "curl", "xz", "sha256sum");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final URI url;
    private final Path state;
    private final HttpClient http;
    private final AtomicInteger names = new AtomicInteger();

    /** Why there is no usable server: what is missing or broken, and what to do. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** One answer of the server. */
    public record Response(int status, String body) {
        /**
         * @param expected the status the request must have had
         * @return this
         */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + ", got " + status + ": " + body);
            }
            return this;
        }

        /** @return the body as JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private KubeApiServer(URI url, Path state) throws Unavailable {
        this.url = url;
        this.state = state;
        try {
            this.http = HttpClient.newBuilder().sslContext(trusting(caFile())).build();
        } catch (Exception e) {
            throw new Unavailable("cannot trust the API server's certificate " + caFile() + ": " + e);
        }
    }

    static KubeApiServer start() throws Unavailable {
        Path tools = toolsDirectory();
        Path script = tools.resolve("start.sh");
        if (!Files.isRegularFile(script)) {
            throw new Unavailable("no " + script + ": set AUTOSCALEBOT_KUBE_APISERVER_DIR (or -Dkube-apiserver.dir=)"
                    + " to a folder with Kubernetes' kube-apiserver and its start.sh (docs/testing.md says how to build"
                    + " one from Debian's source)");
        }
        for (String tool : TOOLS) {
            if (!onPath(tool)) {
                throw new Unavailable(tool + " not found on PATH: " + (tool.equals("etcd")
                        ? "apt-get install -y etcd-server" : "apt-get install -y " + (tool.equals("xz")
                        ? "xz-utils" : tool.equals("sha256sum") ? "coreutils" : tool)));
            }
        }
        Path state = stateFolder();
        try {
            Files.createDirectories(state);
            stopLeftovers(state);
            deleteTree(state.resolve("etcd"));
            Optional<String> binary = setting("AUTOSCALEBOT_KUBE_APISERVER", "autoscalebot.kubeApiserver");
            if (binary.isPresent()) {
                Files.copy(Path.of(binary.get()), state.resolve("kube-apiserver"), StandardCopyOption.REPLACE_EXISTING);
                state.resolve("kube-apiserver").toFile().setExecutable(true);
            }
        } catch (IOException e) {
            throw new Unavailable("cannot prepare " + state + ": " + e);
        }
        int port = freeBasePort();
        Path log = state.resolve("start.log");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), state.toString(), String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new Unavailable(script + " did not finish within " + START_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                stop(state);
                throw new Unavailable(script + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(log).strip() + "; see " + state.resolve("apiserver.log"));
            }
        } catch (IOException e) {
            throw new Unavailable("cannot run " + script + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while starting the API server");
        }
        KubeApiServer server = new KubeApiServer(URI.create("https://127.0.0.1:" + port), state);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(state), "kube-apiserver-stop"));
        server.checkJsonRoundTrip();
        return server;
    }

    /** Stops etcd and the API server through their pid files. */
    void stop() {
        stop(state);
    }

    /** @return the server's URL, {@code https://127.0.0.1:PORT} */
    public URI url() {
        return url;
    }

    /** @return the self-signed certificate the server serves with (and its CA), to trust in kubeconfigs */
    public Path caFile() {
        return state.resolve("certs").resolve("apiserver.crt");
    }

    /** @return a folder of the server's state, for logs in failure messages */
    public Path stateDirectory() {
        return state;
    }

    /**
     * @param prefix what the namespace is for
     * @return a new namespace, created
     */
    public String newNamespace(String prefix) {
        String name = prefix + "-" + names.incrementAndGet();
        admin("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + name + "\"}}");
        return name;
    }

    /** Creates a Deployment whose pods never run (there is no kubelet): only its replicas matter here. */
    public void createDeployment(String namespace, String name, int replicas) {
        admin("POST", "/apis/apps/v1/namespaces/" + namespace + "/deployments", workload("Deployment", name,
                replicas, ""));
    }

    /** Creates a StatefulSet, likewise. */
    public void createStatefulSet(String namespace, String name, int replicas) {
        admin("POST", "/apis/apps/v1/namespaces/" + namespace + "/statefulsets", workload("StatefulSet", name,
                replicas, ",\"serviceName\":\"" + name + "\""));
    }

    /**
     * @param path an object's path, like {@code /apis/apps/v1/namespaces/ns/deployments/web}
     * @return its {@code spec.replicas}, read with the administrator's token
     */
    public int replicas(String path) {
        return admin("GET", path + "/scale", null).json().path("spec").path("replicas").asInt(0);
    }

    /** Scales as {@code kubectl scale} does, with the administrator's token: a hand scale. */
    public void handScale(String path, int replicas) {
        send("PATCH", path + "/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":" + replicas + "}}",
                ADMIN_TOKEN).expect(200);
    }

    /**
     * Grants user {@code scaler} a Role in a namespace.
     *
     * @param namespace the namespace
     * @param name the Role's (and RoleBinding's) name
     * @param rules the Role's rules as JSON, like {@code {"apiGroups":["apps"],...}}
     */
    public void grantScaler(String namespace, String name, String... rules) {
        grant(namespace, name, "{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"User\",\"name\":\"scaler\"}",
                rules);
    }

    /**
     * Grants a service account of the namespace a Role in it.
     *
     * @param namespace the namespace
     * @param account the service account's name
     * @param name the Role's (and RoleBinding's) name
     * @param rules the Role's rules as JSON
     */
    public void grantServiceAccount(String namespace, String account, String name, String... rules) {
        grant(namespace, name, "{\"kind\":\"ServiceAccount\",\"name\":\"" + account + "\",\"namespace\":\""
                + namespace + "\"}", rules);
    }

    private void grant(String namespace, String name, String subject, String... rules) {
        admin("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/" + namespace + "/roles",
                "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"Role\",\"metadata\":{\"name\":\"" + name
                        + "\"},\"rules\":[" + String.join(",", rules) + "]}");
        admin("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/" + namespace + "/rolebindings",
                "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"RoleBinding\",\"metadata\":{\"name\":\""
                        + name + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\","
                        + "\"name\":\"" + name + "\"},\"subjects\":[" + subject + "]}");
    }

    /** Deletes an object, if it is there. */
    public void delete(String path) {
        Response response = send("DELETE", path, null, null, ADMIN_TOKEN);
        if (response.status() != 200 && response.status() != 202 && response.status() != 404) {
            throw new AssertionError("DELETE " + path + " -> " + response.status() + " " + response.body());
        }
    }

    /**
     * Creates a service account and returns a token for it from the TokenRequest API, as the kubelet gets the
     * projected token it mounts into a pod.
     *
     * @param namespace its namespace
     * @param name its name
     * @return a signed token of {@code system:serviceaccount:NAMESPACE:NAME}, valid for an hour
     */
    public String serviceAccountToken(String namespace, String name) {
        Response existing = send("GET", "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name, null, null,
                ADMIN_TOKEN);
        if (existing.status() == 404) {
            admin("POST", "/api/v1/namespaces/" + namespace + "/serviceaccounts",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"" + name + "\"}}");
        }
        return admin("POST", "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name + "/token",
                "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\","
                        + "\"spec\":{\"expirationSeconds\":3600}}").json().path("status").path("token").asText();
    }

    /**
     * A request as the administrator that must succeed.
     *
     * @return the answer
     */
    public Response admin(String method, String path, String json) {
        Response response = send(method, path, json == null ? null : "application/json", json, ADMIN_TOKEN);
        if (response.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " -> " + response.status() + " " + response.body());
        }
        return response;
    }

    /**
     * Any request.
     *
     * @param token the bearer token, or null for none
     * @return the answer, whatever its status
     */
    public Response send(String method, String path, String contentType, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e + "; see "
                    + state.resolve("apiserver.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String workload(String kind, String name, int replicas, String extraSpec) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"spec\":{\"replicas\":" + replicas + extraSpec + ",\"selector\":{\"matchLabels\":{\"app\":\""
                + name + "\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"example.invalid/app:1\"}]}}}}";
    }

    /**
     * Kubernetes v1.20.2 built with a Go newer than 1.17 and its vendored reflect2 v1.0.1 cannot read or write JSON
     * objects holding maps (labels, a ConfigMap's data): requests panic, and a response can crash the whole server.
     * Such a build answers the first requests and fails later ones, so it is caught here, before any test trusts it.
     */
    private void checkJsonRoundTrip() throws Unavailable {
        String broken = "the API server at " + url + " cannot handle JSON with maps (a ConfigMap's data, a"
                + " Deployment's labels): it was built with Go >= 1.18 and the vendored reflect2 v1.0.1, which crash"
                + " there. Build it again with reflect2 v1.0.2 as docs/testing.md says, and point"
                + " AUTOSCALEBOT_KUBE_APISERVER at that binary (see " + state.resolve("apiserver.log") + ")";
        try {
            for (String kind : List.of("a", "b")) {
                Response created = send("POST", "/api/v1/namespaces/default/configmaps", "application/json",
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"canary-" + kind
                                + "\",\"labels\":{\"k\":\"v\"}},\"data\":{\"k\":\"v\"}}", ADMIN_TOKEN);
                Response read = send("GET", "/api/v1/namespaces/default/configmaps/canary-" + kind, null, null,
                        ADMIN_TOKEN);
                if (created.status() != 201 || read.status() != 200
                        || !"v".equals(read.json().path("data").path("k").asText())) {
                    throw new Unavailable(broken);
                }
            }
            createDeployment("default", "canary", 1);
            if (replicas("/apis/apps/v1/namespaces/default/deployments/canary") != 1) {
                throw new Unavailable(broken);
            }
        } catch (AssertionError e) {
            stop();
            throw new Unavailable(broken);
        } catch (Unavailable e) {
            stop();
            throw e;
        }
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static Path toolsDirectory() {
        Optional<String> configured = setting("AUTOSCALEBOT_KUBE_APISERVER_DIR", "autoscalebot.kubeApiserverDir");
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath().normalize();
        }
        return repository().resolve("../shared/tools/kube-apiserver").toAbsolutePath().normalize();
    }

    private static Path stateFolder() {
        return Path.of(System.getProperty("autoscalebot.kubeApiserverState",
                repository().resolve("plugins/kubernetes/target/kube-apiserver").toString())).toAbsolutePath();
    }

    private static Path repository() {
        return Path.of(System.getProperty("autoscalebot.repo", "../..")).toAbsolutePath().normalize();
    }

    /** An environment variable, else a system property. */
    private static Optional<String> setting(String variable, String property) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Three free loopback ports in a row: the API server's, etcd's client and peer ports. */
    private static int freeBasePort() throws Unavailable {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 40000);
            if (free(base) && free(base + 1) && free(base + 2)) {
                return base;
            }
        }
        throw new Unavailable("found no three free loopback ports in a row between 20000 and 40000");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops what a run that died left behind in this state folder: only processes started from it. */
    private static void stopLeftovers(Path state) {
        stop(state);
    }

    private static void stop(Path state) {
        for (String name : List.of("apiserver.pid", "etcd.pid")) {
            Path file = state.resolve(name);
            try {
                if (!Files.exists(file)) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
                Optional<ProcessHandle> process = ProcessHandle.of(pid)
                        .filter(handle -> handle.info().commandLine().map(line -> line.contains(state.toString()))
                                .orElse(false));
                if (process.isPresent()) {
                    process.get().destroy();
                    try {
                        process.get().onExit().get(15, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.get().destroyForcibly();
                    }
                }
                Files.deleteIfExists(file);
            } catch (IOException | NumberFormatException e) {
                // Nothing to stop from a pid file that cannot be read.
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
