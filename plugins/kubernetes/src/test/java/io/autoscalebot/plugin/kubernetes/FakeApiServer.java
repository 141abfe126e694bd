package io.autoscalebot.plugin.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local HTTP(S) server playing an API server that misbehaves in ways a real one cannot be made to on demand:
 * 429 with Retry-After, 5xx, answers that echo a token, a client certificate to check. Each request takes the next
 * scripted answer; the last one repeats.
 */
public final class FakeApiServer implements AutoCloseable {

    /** A scripted answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
        /** @return an answer with no extra headers */
        public static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    /** A request as received. */
    public record Request(String method, String path, String authorization, String body, String clientSubject) {
    }

    /** A Scale with {@code spec.replicas}, as the API server answers a GET of /scale. */
    public static String scale(int replicas) {
        return "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"spec\":{\"replicas\":" + replicas + "}}";
    }

    /** A Status, as the API server answers an error. */
    public static String status(int code, String reason, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" + message
                + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
    }

    private final HttpServer server;
    private final Deque<Function<Request, Answer>> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private Function<Request, Answer> last = request -> Answer.of(500, "no answer scripted");

    private FakeApiServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return a plain HTTP server */
    public static FakeApiServer http() throws IOException {
        return new FakeApiServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /**
     * @param keyStore a PKCS#12 key store with the server's certificate for 127.0.0.1
     * @param clientCa the CA whose client certificates the server requires
     * @return an HTTPS server that requires a client certificate signed by {@code clientCa}
     */
    public static FakeApiServer httpsRequiringClientCertificates(Path keyStore, Path clientCa) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, TestCertificates.STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TestCertificates.STORE_PASSWORD.toCharArray());
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(clientCa)) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trusted.setCertificateEntry("client-ca", ca);
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        return new FakeApiServer(server);
    }

    /** @return the server's URL */
    public URI url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts the next answer. */
    public synchronized FakeApiServer answer(int status, String body) {
        return answer(Answer.of(status, body));
    }

    /** Scripts the next answer. */
    public synchronized FakeApiServer answer(Answer answer) {
        return answer(request -> answer);
    }

    /** Scripts the next answer as a function of the request. */
    public synchronized FakeApiServer answer(Function<Request, Answer> answer) {
        script.add(answer);
        return this;
    }

    /** @return every request received, in order */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String subject = null;
            if (exchange instanceof HttpsExchange) {
                Certificate[] peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
                subject = ((X509Certificate) peer[0]).getSubjectX500Principal().getName();
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), subject);
            requests.add(request);
            Answer answer = next().apply(request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private synchronized Function<Request, Answer> next() {
        if (!script.isEmpty()) {
            last = script.poll();
        }
        return last;
    }
}
