package io.autoscalebot.plugin.kubernetes.client;

import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns the JDK's TLS failures into what to change in the kubeconfig. They are never retried: a certificate does not
 * become trusted by asking again.
 */
final class TlsProblems {

    private TlsProblems() {
    }

    /**
     * @param failure the JDK's exception
     * @param access the connection that failed
     * @param action what the call was for
     * @return one sentence saying what failed and what to do
     */
    static String explain(SSLException failure, ClusterAccess access, String action) {
        String text = messages(failure).toLowerCase(Locale.ROOT);
        String host = access.server().getHost();
        String start = "TLS with the Kubernetes API server at " + access.server() + " failed for " + action + ": ";
        if (text.contains("pkix path") || text.contains("unable to find valid certification path")
                || text.contains("signature check failed") || text.contains("trust anchor")) {
            return start + "its certificate is not signed by a CA this connection trusts; set the cluster's"
                    + " certificate-authority-data (or certificate-authority) in " + access.source()
                    + " to the cluster's CA (`kubectl config view --raw` shows the one kubectl uses), or, for a test"
                    + " cluster only, insecure-skip-tls-verify: true";
        }
        if (text.contains("no subject alternative") || text.contains("no name matching")) {
            return start + "its certificate is not for '" + host + "'; use the name or address the certificate"
                    + " was issued for in the cluster's server URL";
        }
        if (text.contains("bad_certificate") || text.contains("certificate_required") || text.contains("unknown_ca")
                || text.contains("certificate_unknown")) {
            return start + "the server refused the client certificate of " + access.source()
                    + "; check client-certificate-data and client-key-data";
        }
        if (text.contains("unrecognized ssl message") || text.contains("plaintext connection")) {
            return start + "the server does not speak TLS; if it is a plain-HTTP proxy, write its URL with http://";
        }
        if (text.contains("expired") || text.contains("not yet valid")) {
            return start + "a certificate has expired or is not valid yet (" + firstLine(failure) + "); renew it, or"
                    + " check this machine's clock";
        }
        return start + firstLine(failure) + "; check the cluster's server URL and certificate-authority in "
                + access.source();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append(' ');
        }
        return all.toString();
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
