package io.autoscalebot.plugin.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A credential command as cloud CLIs provide them: prints an ExecCredential with the next of its tokens, counts its
 * runs and keeps the {@code KUBERNETES_EXEC_INFO} it was given.
 */
public final class ExecScript {

    private final Path folder;

    private ExecScript(Path folder) {
        this.folder = folder;
    }

    /**
     * @param folder where to write the script and its files
     * @param tokens the tokens of successive runs; the last repeats
     * @return the script
     */
    public static ExecScript write(Path folder, String... tokens) throws IOException {
        Path script = folder.resolve("get-token");
        Files.writeString(script, """
                #!/bin/sh
                dir=$(dirname "$0")
                n=$(( $(cat "$dir/runs" 2>/dev/null || echo 0) + 1 ))
                echo "$n" > "$dir/runs"
                printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/exec-info"
                token=$(sed -n "${n}p" "$dir/tokens")
                [ -n "$token" ] || token=$(tail -n 1 "$dir/tokens")
                if [ "$FAIL" = yes ]; then echo "error: not logged in, token $token" >&2; exit 3; fi
                expires=""
                [ -n "$EXPIRES" ] && expires=",\\"expirationTimestamp\\":\\"$EXPIRES\\""
                printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s"%s}}' "$API" "$token" "$expires"
                """, StandardCharsets.UTF_8);
        script.toFile().setExecutable(true);
        Files.write(folder.resolve("tokens"), List.of(tokens), StandardCharsets.UTF_8);
        return new ExecScript(folder);
    }

    /** @return the script */
    public Path path() {
        return folder.resolve("get-token");
    }

    /**
     * @param apiVersion the ExecCredential version the kubeconfig asks for (the script answers the same)
     * @param expires the expirationTimestamp to print, or null for none
     * @return the lines of a kubeconfig user's {@code exec} section
     */
    public String[] userLines(String apiVersion, String expires) {
        // env comes last, so a test can append entries to it.
        return new String[] {"exec:", "  apiVersion: " + apiVersion, "  command: " + path(),
                "  installHint: install get-token from the test", "  env:", "  - {name: API, value: " + apiVersion
                + "}", "  - {name: EXPIRES, value: \"" + (expires == null ? "" : expires) + "\"}"};
    }

    /** @return how many times the script ran */
    public int runs() throws IOException {
        Path runs = folder.resolve("runs");
        return Files.exists(runs) ? Integer.parseInt(Files.readString(runs).strip()) : 0;
    }

    /** @return the KUBERNETES_EXEC_INFO of its last run */
    public String execInfo() throws IOException {
        return Files.readString(folder.resolve("exec-info"));
    }
}
