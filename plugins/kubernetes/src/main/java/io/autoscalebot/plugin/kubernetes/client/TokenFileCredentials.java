package io.autoscalebot.plugin.kubernetes.client;

import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.List;

/**
 * A bearer token read from a file, read again whenever the file changes: a pod's projected service account token is
 * rotated by the kubelet (hourly by default) by swapping the file under the same name.
 *
 * <p>Checking the file's modification time and size on every request costs one {@code stat}; reading the token once at
 * start would fail every call an hour later.
 */
public final class TokenFileCredentials implements Credentials {

    private final Path file;
    private final KeyMaterial certificate;
    private final String description;
    private FileTime readModified;
    private long readSize = -1;
    private String token;

    /**
     * @param file the token file
     * @param certificate a client certificate to present as well, or null
     * @param description where the file is named, for messages
     */
    public TokenFileCredentials(Path file, KeyMaterial certificate, String description) {
        this.file = file;
        this.certificate = certificate;
        this.description = description;
    }

    @Override
    public synchronized Auth current(Deadline deadline) throws PluginException {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (token == null || !modified.equals(readModified) || size != readSize) {
                String read = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (read.isEmpty()) {
                    throw new PluginException("the token file " + file + " (" + description + ") is empty");
                }
                token = read;
                readModified = modified;
                readSize = size;
            }
            return new Auth(token, certificate);
        } catch (IOException e) {
            throw new PluginException("cannot read the token file " + file + " (" + description + "): "
                    + e.getClass().getSimpleName() + "; in a pod, check that the service account token is mounted"
                    + " (automountServiceAccountToken is not false)", e);
        }
    }

    @Override
    public synchronized boolean refreshAfterUnauthorized() {
        String before = token;
        token = null;
        try {
            return !Files.readString(file, StandardCharsets.UTF_8).strip().equals(before);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized Collection<String> secrets() {
        return token == null ? List.of() : List.of(token);
    }

    @Override
    public String describe() {
        return "the token in " + file + " (" + description + ")";
    }
}
